"""What the core holds under an address: the stored copies of the e-mails
sent to it (kept until ``NOTIFICATIONS_KEEP_DAYS`` after sending)."""

from django.utils.translation import gettext_lazy as _

from convivir.models import OutgoingEmail
from convivir.notifications import forget_recipient
from convivir.privacy import PersonalData


def export_emails(email: str, audit: bool = False) -> list[dict]:
    """The copies of the e-mails sent to ``email``, oldest first. Nothing
    is logged: the audit log records what staff and apps do with people's
    records, and these are the site's own messages."""
    messages = OutgoingEmail.objects.filter(to__iexact=email).order_by("created_at")
    return [
        {
            "subject": message.subject,
            "date": message.created_at,
            "status": message.get_status_display(),
            "text": message.body_text,
        }
        for message in messages
    ]


def _field(name: str):
    return OutgoingEmail._meta.get_field(name).verbose_name


sent_emails = PersonalData(
    name="emails",
    label=_("E-mails we sent you"),
    export=export_emails,
    erase=forget_recipient,
    erasure=_("Our copies are deleted."),
    fields={
        "subject": _field("subject"),
        "date": _("date"),
        "status": _field("status"),
        "text": _field("body_text"),
    },
    title_field="subject",
    # Last: deleting an app's records may still write to the address.
    order=1000,
)
