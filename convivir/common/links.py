"""Signed links in e-mails: confirm a pledge, cancel a registration, open a
sign-up's code of conduct, update a service's status.

A :class:`SignedLink` is one kind of link: its salt (a link made for one
purpose never opens another) and how long it works. ``make`` signs a small
payload, ``load`` reads it back or raises :class:`LinkError`, whose
``reason`` the one "link problem" page (:func:`link_problem`) explains.
"""

from collections.abc import Callable
from datetime import timedelta

from django.core import signing
from django.shortcuts import render

# Why a link does not work; each has its own heading on the problem page.
REASONS = ("expired", "invalid", "used", "deleted", "past")


class LinkError(Exception):
    """A link that cannot be used; ``reason`` is one of :data:`REASONS`."""

    def __init__(self, reason: str):
        if reason not in REASONS:
            raise ValueError(reason)
        super().__init__(reason)
        self.reason = reason


class SignedLink:
    """One kind of signed link. ``lifetime`` is a :class:`timedelta`, a
    function returning one (read when the link is opened, so settings
    apply at once), or None for a link that does not expire."""

    def __init__(self, salt: str, lifetime: timedelta | Callable[[], timedelta] | None):
        self.salt = salt
        self.lifetime = lifetime

    def max_age(self) -> timedelta | None:
        return self.lifetime() if callable(self.lifetime) else self.lifetime

    def make(self, payload: dict) -> str:
        return signing.dumps(payload, salt=self.salt)

    def load(self, token: str) -> dict:
        """The payload, or :class:`LinkError` "expired" or "invalid"."""
        try:
            payload = signing.loads(token, salt=self.salt, max_age=self.max_age())
        except signing.SignatureExpired as error:
            raise LinkError("expired") from error
        except signing.BadSignature as error:
            raise LinkError("invalid") from error
        if not isinstance(payload, dict):
            raise LinkError("invalid")
        return payload


# How each reason is shown: expiry warns, a bad link is an error, the rest
# inform.
NOTICE_KINDS = {"expired": "warning", "invalid": "error"}


def link_problem(request, error: LinkError | str, *, advice=None, links=(), status=400):
    """The one page for a link that does not work. ``advice`` maps a
    reason to what this kind of link's reader can do about it (a text, or
    a list of paragraphs: the first is the notice); ``links`` are
    ``(label, url)`` pairs of where to go next."""
    reason = error.reason if isinstance(error, LinkError) else error
    texts = (advice or {}).get(reason) or []
    if isinstance(texts, str):
        texts = [texts]
    return render(
        request,
        "link_problem.html",
        {
            "reason": reason,
            "notice_kind": NOTICE_KINDS.get(reason, "info"),
            "notice": texts[0] if texts else "",
            "more": texts[1:],
            "next_links": links,
        },
        status=status,
    )
