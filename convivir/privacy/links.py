"""The signed "my data" links that e-mails carry.

A link names a :class:`~convivir.models.PersonalDataLink` by its random key,
never the address itself. It works for ``PRIVACY_LINK_DAYS`` (30 by
default); deleting the data deletes the links, and expired links are
deleted every day.
"""

import secrets
from datetime import timedelta

from django.conf import settings
from django.urls import reverse
from django.utils import timezone, translation

from django_tasks import task

from convivir.common.conf import app_setting
from convivir.common.links import LinkError, SignedLink
from convivir.common.validators import normalize_email
from convivir.models import PersonalDataLink

SALT = "convivir.privacy.data"


def link_days() -> int:
    """How long a "my data" link works (``PRIVACY_LINK_DAYS``, 30)."""
    return app_setting("PRIVACY_LINK_DAYS", 30)


DATA_LINK = SignedLink(SALT, lambda: timedelta(days=link_days()))


def data_link_token(email: str) -> str:
    """A new signed token for the data under ``email``."""
    link = PersonalDataLink.objects.create(
        key=secrets.token_hex(16), email=normalize_email(email)
    )
    return DATA_LINK.make({"k": link.key})


def data_link_url(email: str, language: str) -> str:
    """The full address of a new "my data" link, in ``language``."""
    token = data_link_token(email)
    with translation.override(language):
        return settings.BASE_URL + reverse("privacy:my_data", args=[token])


def email_for_token(token: str) -> str:
    """The address a link is for; raises
    :class:`~convivir.common.links.LinkError` "expired", "invalid"
    (incomplete or tampered with) or "deleted" (its data was deleted)."""
    key = DATA_LINK.load(token).get("k")
    if not isinstance(key, str):
        raise LinkError("invalid")
    email = (
        PersonalDataLink.objects.filter(key=key).values_list("email", flat=True).first()
    )
    if email is None:
        raise LinkError("deleted")
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
