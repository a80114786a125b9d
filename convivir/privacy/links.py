"""The signed "my data" links that e-mails carry.

A link names a :class:`~convivir.models.PersonalDataLink` by its random key,
never the address itself. It works for ``PRIVACY_LINK_DAYS`` (30 by
default); deleting the data deletes the links, and expired links are
deleted every day.
"""

import secrets
from datetime import timedelta

from django.conf import settings
from django.core import signing
from django.urls import reverse
from django.utils import timezone, translation

from django_tasks import task

from convivir.env import env_int
from convivir.models import PersonalDataLink, normalize_email

SALT = "convivir.privacy.data"


def link_days() -> int:
    """How long a "my data" link works: a Django setting, then the
    environment variable, then 30 days."""
    return getattr(settings, "PRIVACY_LINK_DAYS", None) or env_int(
        "PRIVACY_LINK_DAYS", 30
    )


class DataLinkError(Exception):
    """A "my data" link that cannot be used; ``reason`` is "expired",
    "invalid" (incomplete or tampered with) or "deleted" (its data was
    deleted)."""

    def __init__(self, reason: str):
        super().__init__(reason)
        self.reason = reason


def data_link_token(email: str) -> str:
    """A new signed token for the data under ``email``."""
    link = PersonalDataLink.objects.create(
        key=secrets.token_hex(16), email=normalize_email(email)
    )
    return signing.dumps({"k": link.key}, salt=SALT)


def data_link_url(email: str, language: str) -> str:
    """The full address of a new "my data" link, in ``language``."""
    token = data_link_token(email)
    with translation.override(language):
        return settings.BASE_URL + reverse("privacy:my_data", args=[token])


def email_for_token(token: str) -> str:
    """The address a link is for; raises :class:`DataLinkError`."""
    try:
        payload = signing.loads(token, salt=SALT, max_age=timedelta(days=link_days()))
    except signing.SignatureExpired as error:
        raise DataLinkError("expired") from error
    except signing.BadSignature as error:
        raise DataLinkError("invalid") from error
    key = payload.get("k") if isinstance(payload, dict) else None
    if not isinstance(key, str):
        raise DataLinkError("invalid")
    email = (
        PersonalDataLink.objects.filter(key=key).values_list("email", flat=True).first()
    )
    if email is None:
        raise DataLinkError("deleted")
    return email


def purge_data_links(now=None) -> int:
    """Delete the links that no longer work. Returns how many."""
    cutoff = (now or timezone.now()) - timedelta(days=link_days())
    deleted, _ = PersonalDataLink.objects.filter(created_at__lt=cutoff).delete()
    return deleted


@task()
def purge_data_links_task() -> int:
    """Periodic: delete expired "my data" links."""
    return purge_data_links()
