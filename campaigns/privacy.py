"""What the campaigns app holds under an e-mail address: pledges. Deleting
a pledge withdraws it, so the campaign's count goes down: a count of people
who pledged must not keep someone who asked to be forgotten. The audit log
names each pledge by its number."""

from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.log_actions import log

from campaigns.models import Pledge
from convivir.common.validators import normalize_email
from convivir.privacy import PersonalData

# The download's keys and the model fields whose names label them.
FIELDS = {
    "campaign": "campaign",
    "name": "name",
    "anonymous": "is_anonymous",
    "email": "email",
    "municipality": "municipality",
    "language": "language",
    "consent_at": "consent_at",
    "signed_at": "created_at",
    "confirmed_at": "confirmed_at",
}


def _pledges(email: str):
    return Pledge.objects.filter(email=normalize_email(email))


def export_pledges(email: str, audit: bool = False) -> list[dict]:
    """Every pledge under the address, oldest first."""
    records = []
    for pledge in _pledges(email).select_related("campaign").order_by("created_at"):
        records.append(
            {
                "campaign": pledge.campaign.title,
                "name": pledge.name,
                "anonymous": pledge.is_anonymous,
                "email": pledge.email,
                "municipality": pledge.municipality,
                "language": str(pledge.get_language_display()),
                "consent_at": pledge.consent_at,
                "signed_at": pledge.created_at,
                "confirmed_at": pledge.confirmed_at,
            }
        )
        if audit:
            log(instance=pledge, action="campaigns.self_export", title=str(pledge))
    return records


def erase_pledges(email: str) -> int:
    """Delete every pledge under the address."""
    found = list(_pledges(email))
    for pledge in found:
        log(
            instance=pledge,
            action="campaigns.erase",
            title=str(pledge),
            data={"reason": "self_service"},
            deleted=True,
        )
        pledge.delete()
    return len(found)


pledges = PersonalData(
    name="campaigns",
    label=_("Signed pledges"),
    export=export_pledges,
    erase=erase_pledges,
    erasure=_("Deleted: the campaign's count of pledges goes down by one."),
    fields={
        key: Pledge._meta.get_field(field).verbose_name for key, field in FIELDS.items()
    },
    title_field="campaign",
    order=20,
)


@hooks.register("register_log_actions")
def register_log_actions(actions):
    actions.register_action(
        "campaigns.self_export",
        _("Download own data"),
        _("Signer downloaded their data"),
    )
    actions.register_action(
        "campaigns.erase", _("Delete personal data"), _("Pledge deleted on request")
    )
