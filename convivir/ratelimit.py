"""Rate limits for public forms, kept in the cache (Redis in production).

A fixed-window counter per form and per client address. The address is
hashed with the site's secret key before it becomes a cache key, so no raw IP
address is stored. Limits are generous on purpose: many people in transit
share one connection at a shelter, and a rate limit must stop a script, not a
queue of families registering for the same workshop.
"""

import hashlib
import time
from dataclasses import dataclass

from django.conf import settings
from django.core.cache import cache


def client_address(request) -> str:
    """The visitor's address. Behind reverse proxies set
    ``RATELIMIT_CLIENT_IP_HEADER`` (e.g. ``HTTP_X_FORWARDED_FOR``) and
    ``RATELIMIT_TRUSTED_PROXIES``, the number of proxies that append to it:
    each appends the address it received from, so the visitor's is that many
    places from the end (earlier entries can be forged by the visitor)."""
    header = settings.RATELIMIT_CLIENT_IP_HEADER
    value = request.META.get(header, "") if header else ""
    hops = [hop.strip() for hop in value.split(",") if hop.strip()]
    if hops:
        return hops[-min(settings.RATELIMIT_TRUSTED_PROXIES, len(hops))]
    return request.META.get("REMOTE_ADDR", "")


@dataclass(frozen=True)
class RateLimit:
    """At most ``limit`` attempts per ``window`` seconds for one client on
    one ``scope`` (a form's name), or for one ``subject`` (such as an e-mail
    address, whoever sends it) when :meth:`hit` is given one. Subjects are
    hashed like addresses."""

    scope: str
    limit: int
    window: int = 600

    def _key(self, request, now: float, subject: str | None) -> str:
        counted = client_address(request) if subject is None else f"subject:{subject}"
        digest = hashlib.sha256(f"{settings.SECRET_KEY}:{counted}".encode()).hexdigest()
        return f"ratelimit:{self.scope}:{digest[:32]}:{int(now // self.window)}"

    def hit(self, request, subject: str | None = None) -> bool:
        """Count one attempt; False when the limit is already used up."""
        if not settings.RATELIMIT_ENABLED:
            return True
        key = self._key(request, time.time(), subject)
        # add() is atomic and a no-op when the key exists; incr() is atomic on
        # Redis and in the local-memory cache.
        cache.add(key, 0, timeout=self.window)
        try:
            count = cache.incr(key)
        except ValueError:
            # The key expired between add() and incr(): a new window starts.
            cache.add(key, 1, timeout=self.window)
            count = 1
        return count <= self.limit

    def retry_after(self) -> int:
        """Seconds until the current window ends and attempts count afresh."""
        return self.window - int(time.time()) % self.window
