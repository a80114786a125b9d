"""Answers to abuse of the admin's sign-in and password reset forms: the
client address django-axes counts failed sign-ins by, the password reset
view with its rate limits, and the "too many attempts" page (HTTP 429) both
forms answer with once over their limit."""

import ipaddress
import math
from datetime import timedelta

from django.conf import settings
from django.db.models import Max, Q
from django.shortcuts import render
from django.utils import timezone

from wagtail.admin.views import account

from axes.helpers import get_client_username, get_cool_off
from axes.models import AccessAttempt

from convivir.ratelimit import RateLimit, client_address

SIGN_IN = "sign_in"
RESET_REQUESTS = "reset_requests"


def client_ip(request) -> str | None:
    """The address failed sign-ins are counted for: the rate limits' client
    address (which honours ``RATELIMIT_CLIENT_IP_HEADER``), when it is an IP
    address; otherwise the connection's own. A misconfigured proxy header
    must not put text where django-axes stores an IP address."""
    for candidate in (client_address(request), request.META.get("REMOTE_ADDR")):
        try:
            return str(ipaddress.ip_address((candidate or "").strip()))
        except ValueError:
            continue
    return None


def too_many_attempts(request, kind: str, retry_after: int):
    """The 429 page, in the request's language: what happened (``kind`` is
    :data:`SIGN_IN` or :data:`RESET_REQUESTS`) and in how many minutes to try
    again; the same in the ``Retry-After`` header."""
    retry_after = max(int(retry_after), 1)
    response = render(
        request,
        "429.html",
        {"kind": kind, "minutes": math.ceil(retry_after / 60)},
        status=429,
    )
    response["Retry-After"] = str(retry_after)
    response["Cache-Control"] = "no-store"
    return response


def lockout_response(request, original_response=None, credentials=None):
    """django-axes' answer to a locked-out sign-in (``AXES_LOCKOUT_CALLABLE``).
    Attempts during a lockout do not extend it, so it ends one cool-off
    after the last counted failure for this username or from this address."""
    cool_off = get_cool_off(request) or timedelta(0)
    username = get_client_username(request, credentials)
    last_failure = AccessAttempt.objects.filter(
        Q(ip_address=request.axes_ip_address) | Q(username=username),
        attempt_time__gte=timezone.now() - cool_off,
    ).aggregate(last=Max("attempt_time"))["last"]
    ends = (last_failure or timezone.now()) + cool_off
    return too_many_attempts(request, SIGN_IN, (ends - timezone.now()).total_seconds())


def _password_reset_limits() -> tuple[RateLimit, RateLimit]:
    hour = 3600
    return (
        RateLimit(
            "password-reset",
            limit=settings.PASSWORD_RESET_LIMIT_PER_ADDRESS,
            window=hour,
        ),
        RateLimit(
            "password-reset-email",
            limit=settings.PASSWORD_RESET_LIMIT_PER_EMAIL,
            window=hour,
        ),
    )


class PasswordResetView(account.PasswordResetView):
    """Wagtail's "forgotten password" form, at most
    ``PASSWORD_RESET_LIMIT_PER_ADDRESS`` requests an hour from one address
    and ``PASSWORD_RESET_LIMIT_PER_EMAIL`` for one e-mail address (so nobody
    floods a colleague's inbox from many addresses). Over either, nothing is
    sent and the 429 page says when to try again."""

    def form_valid(self, form):
        per_address, per_email = _password_reset_limits()
        email = form.cleaned_data["email"].strip().lower()
        for limit, subject in ((per_address, None), (per_email, email)):
            if not limit.hit(self.request, subject=subject):
                return too_many_attempts(
                    self.request, RESET_REQUESTS, limit.retry_after()
                )
        return super().form_valid(form)
