"""E-mail backends for the outage tests: a mail server that times out, one
that hangs up, and one that must never be reached (it records the call)."""

import smtplib

from django.core.mail.backends.base import BaseEmailBackend


class TimingOutBackend(BaseEmailBackend):
    """A stalled mail server: the connection times out (``socket.timeout``,
    which is ``TimeoutError``)."""

    def send_messages(self, messages):
        raise TimeoutError("timed out")


class DisconnectingBackend(BaseEmailBackend):
    """A mail server that drops the connection."""

    def send_messages(self, messages):
        raise smtplib.SMTPServerDisconnected("Connection unexpectedly closed")


class UnreachableBackend(BaseEmailBackend):
    """A provider that must not be contacted: each call is recorded, and
    fails."""

    calls: list = []

    def send_messages(self, messages):
        UnreachableBackend.calls.append(list(messages))
        raise TimeoutError("the request path reached the e-mail provider")


OUTAGES = [
    "tests.mail_backends.TimingOutBackend",
    "tests.mail_backends.DisconnectingBackend",
]
UNREACHABLE = "tests.mail_backends.UnreachableBackend"
WORKING = "django.core.mail.backends.locmem.EmailBackend"
