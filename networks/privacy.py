"""What the networks app holds under an e-mail address: volunteer sign-ups,
with the coordinators' notes about the person. Deleting them deletes them
(see :meth:`~networks.models.Volunteer.erase`); the audit log names each
by its number."""

from django.utils.translation import gettext_lazy as _

from wagtail.log_actions import log

from convivir.privacy import PersonalData
from networks.models import Volunteer, VolunteerNote

# The download's keys and the model fields whose names label them.
FIELDS = {
    "network": "network",
    "opportunity": "opportunity",
    "name": "name",
    "email": "email",
    "phone": "phone",
    "municipality": "municipality",
    "languages": "languages",
    "other_language": "other_language",
    "skills": "skills",
    "other_skill": "other_skill",
    "available_days": "available_days",
    "available_times": "available_times",
    "motivation": "motivation",
    "is_adult": "is_adult",
    "language": "language",
    "privacy_consent_at": "privacy_consent_at",
    "privacy_notice_version": "privacy_notice_version",
    "signed_up_at": "created_at",
    "confirmed_at": "confirmed_at",
    "status": "status",
    "status_changed_at": "status_changed_at",
    "code_of_conduct_accepted_at": "conduct_accepted_at",
    "safeguarding_training_completed_at": "training_completed_at",
    "references_checked_at": "references_checked_at",
}


def export_signups(email: str, audit: bool = False) -> list[dict]:
    """Every sign-up under the address, oldest first."""
    volunteers = (
        Volunteer.objects.with_email(email)
        .select_related("network", "opportunity")
        .prefetch_related("notes")
        .order_by("created_at")
    )
    records = []
    for volunteer in volunteers:
        records.append(volunteer.as_data())
        if audit:
            log(
                instance=volunteer,
                action="networks.self_export",
                title=volunteer.log_label,
            )
    return records


def erase_signups(email: str) -> int:
    """Delete every sign-up under the address, with its notes."""
    volunteers = list(Volunteer.objects.with_email(email))
    for volunteer in volunteers:
        volunteer.erase("self_service")
    return len(volunteers)


volunteer_signups = PersonalData(
    name="networks",
    label=_("Volunteer sign-ups"),
    export=export_signups,
    erase=erase_signups,
    erasure=_("Deleted, with everything the coordinators wrote about you."),
    fields={
        **{
            key: Volunteer._meta.get_field(field).verbose_name
            for key, field in FIELDS.items()
        },
        "notes": VolunteerNote._meta.verbose_name_plural,
    },
    title_field="network",
    order=10,
)
