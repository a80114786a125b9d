"""What the directory holds under an e-mail address: the contact someone
left on a report of wrong information, so that editors could reply.

Deleting it clears the contact; the report itself stays (what is wrong
about a public service, which editors still need to correct the entry).
Editors' e-mails about a report never carry the contact, so no copy of it
stays in their mailboxes. The audit log names each report by its number."""

import re

from django.db import transaction
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.log_actions import log

from convivir.common.validators import normalize_email
from convivir.privacy import PersonalData
from directory.models import WrongInformationReport

# Anything shaped like an address inside free text ("Ana <ana@x.mx>, 962…").
ADDRESS_IN_TEXT = re.compile(r"[^\s<>()\[\],;:\"']+@[^\s<>()\[\],;:\"']+")

FIELDS = {
    "service": "service",
    "what_is_wrong": "what_is_wrong",
    "contact": "contact",
    "status": "status",
    "received_at": "created_at",
}


def mentions(text: str, email: str) -> bool:
    """Whether ``text`` holds ``email`` as a whole address (not inside a
    longer one)."""
    return any(
        normalize_email(found.rstrip(".")) == email
        for found in ADDRESS_IN_TEXT.findall(text or "")
    )


def _reports(email: str) -> list[WrongInformationReport]:
    email = normalize_email(email)
    if not email:
        return []
    candidates = WrongInformationReport.objects.filter(
        contact__icontains=email
    ).select_related("service")
    return [
        report
        for report in candidates.order_by("pk")
        if mentions(report.contact, email)
    ]


def _label(report) -> str:
    return f"{report._meta.verbose_name.capitalize()} #{report.pk}"


def export_reports(email: str, audit: bool = False) -> list[dict]:
    """Every report whose contact is the address, oldest first."""
    records = []
    for report in _reports(email):
        records.append(
            {
                "service": report.service.name,
                "what_is_wrong": report.what_is_wrong,
                "contact": report.contact,
                "status": str(report.get_status_display()),
                "received_at": report.created_at,
            }
        )
        if audit:
            log(instance=report, action="directory.self_export", title=_label(report))
    return records


def erase_reports(email: str) -> int:
    """Clear the contact of every report whose contact is the address."""
    found = _reports(email)
    with transaction.atomic():
        for report in found:
            WrongInformationReport.objects.filter(pk=report.pk).update(contact="")
            log(instance=report, action="directory.self_erase", title=_label(report))
    return len(found)


report_contacts = PersonalData(
    name="directory",
    label=_("Reports of wrong information in the directory"),
    export=export_reports,
    erase=erase_reports,
    erasure=_(
        "Your contact is deleted from each report. What the report says "
        "stays, so that the editors can still correct the entry."
    ),
    fields={
        key: WrongInformationReport._meta.get_field(field).verbose_name
        for key, field in FIELDS.items()
    },
    title_field="service",
    order=40,
)


@hooks.register("register_log_actions")
def register_log_actions(actions):
    actions.register_action(
        "directory.self_export",
        _("Download own data"),
        _("Reporter downloaded their data"),
    )
    actions.register_action(
        "directory.self_erase",
        _("Delete personal data"),
        _("Reporter's contact deleted on request"),
    )
