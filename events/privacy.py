"""What the events app holds under an e-mail address: registrations.

Deleting them: a registration for a date still to come is cancelled through
:meth:`~events.models.Registration.cancel`, so its seats go to the waiting
list; then every registration's name, e-mail, phone and accessibility needs
are deleted, as the retention purge does, keeping the seats, status and
attendance for the counts. Registrations made with a phone number only are
not under any address: the retention purge deletes them. The audit log names
each registration by its code."""

import contextlib

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.log_actions import log

from convivir.common.validators import normalize_email
from convivir.privacy import PersonalData
from events.models import EventPage, Occurrence, Registration, RegistrationError

# The download's keys and the model fields whose names label them.
FIELDS = {
    "code": "code",
    "name": "name",
    "email": "email",
    "phone": "phone",
    "seats": "seats",
    "accessibility_needs": "accessibility_needs",
    "language": "language",
    "status": "status",
    "consent_at": "consent_at",
    "registered_at": "created_at",
    "promoted_at": "promoted_at",
    "cancelled_at": "cancelled_at",
    "checked_in_at": "attended_at",
    "reminder_sent_at": "reminder_sent_at",
}


def _registrations(email: str):
    email = normalize_email(email)
    if not email:
        return Registration.objects.none()
    return Registration.objects.filter(email=email, purged_at__isnull=True)


def export_registrations(email: str, audit: bool = False) -> list[dict]:
    """Every registration still holding personal data under the address,
    oldest first."""
    records = []
    for registration in (
        _registrations(email).select_related("occurrence__page").order_by("pk")
    ):
        records.append(
            {
                "event": registration.occurrence.page.title,
                "date": registration.occurrence.start,
                **{
                    key: getattr(registration, field)
                    for key, field in FIELDS.items()
                    if field not in {"language", "status"}
                },
                "language": str(registration.get_language_display()),
                "status": str(registration.get_status_display()),
            }
        )
        if audit:
            log(
                instance=registration,
                action="events.self_export",
                title=registration.log_label,
            )
    return records


def erase_registrations(email: str) -> int:
    """Cancel the upcoming registrations under the address and clear the
    personal data of all of them."""
    now = timezone.now()
    found = list(_registrations(email).select_related("occurrence"))
    with transaction.atomic():
        for registration in found:
            upcoming = registration.occurrence.start > now
            if upcoming and registration.status != Registration.Status.CANCELLED:
                # Cancelled meanwhile: its seats are already free.
                with contextlib.suppress(RegistrationError):
                    registration.cancel()
            Registration.objects.filter(pk=registration.pk).update(
                name="", email="", phone="", accessibility_needs="", purged_at=now
            )
            log(
                instance=registration,
                action="events.self_erase",
                title=registration.log_label,
            )
    return len(found)


event_registrations = PersonalData(
    name="events",
    label=_("Event registrations"),
    export=export_registrations,
    erase=erase_registrations,
    erasure=_(
        "Registrations for dates still to come are cancelled, so that your "
        "seats go to the next people on the waiting list. In every "
        "registration your name, e-mail, phone and accessibility needs are "
        "deleted; only the number of seats stays, for the counts."
    ),
    fields={
        "event": EventPage._meta.verbose_name,
        "date": Occurrence._meta.get_field("start").verbose_name,
        **{
            key: Registration._meta.get_field(field).verbose_name
            for key, field in FIELDS.items()
        },
    },
    title_field="event",
    order=30,
)


@hooks.register("register_log_actions")
def register_log_actions(actions):
    actions.register_action(
        "events.self_export",
        _("Download own data"),
        _("Registrant downloaded their data"),
    )
    actions.register_action(
        "events.self_erase",
        _("Delete personal data"),
        _("Registrant's personal data deleted on request"),
    )
