"""Whole pages kept for anonymous visitors, in the cache (``CACHE_URL``,
Redis in production), so that a campaign shared on WhatsApp is served at
nearly the speed of a static file.

What is kept: an answer of 200 to a ``GET`` from a visitor with no session
(never anyone logged in, never the admin), that says nothing against it
(``Cache-Control`` private, no-cache or no-store: every page reached with
a personal link is ``never_cache``) and sets no cookie but the form token.
It is kept per address, query string included, so per language (/es/, /en/).

Forms on kept pages: the page is kept with :data:`PLACEHOLDER` where its
form token was (templates get the token through :func:`csrf_token`, one per
page) and each visitor gets their own token and cookie when it is served.

Freshness: each page depends on areas (:data:`AREAS`); every page on
``content`` (pages published, unpublished, moved or deleted; menus, footer),
the directory's pages and API on ``directory`` (entries, places, status,
verification), the rest on ``seats`` (registrations: seats left are shown on
the home page, event pages and listings). A change gives its area a new
generation (at once, and again when its transaction commits); a kept page
records the generations it was made under and is not served after one of
them changed. ``PAGE_CACHE_SECONDS`` bounds what moves with the clock
(upcoming events, open now).

Each worker also keeps the pages it served last in its own memory and
trusts the generations it read for ``PAGE_CACHE_LOCAL_SECONDS``
(:class:`_WorkerCopies`): a change made in another worker is seen there
within them.

Answers carry ``ETag`` and ``Last-Modified`` (a match gives 304), and
``Cache-Control: public, max-age=0, s-maxage=…`` where no form token is on
the page, so a proxy or CDN can keep them too (see the README)."""

import hashlib
import threading
import time
import uuid
from collections import OrderedDict

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.db.models.signals import post_delete, post_save
from django.http import HttpResponse
from django.middleware.csrf import CsrfViewMiddleware, get_token
from django.utils.cache import get_conditional_response, patch_cache_control
from django.utils.functional import SimpleLazyObject
from django.utils.http import http_date

from wagtail.models import Page, PageViewRestriction, Site
from wagtail.signals import page_published, page_unpublished, post_page_move

PLACEHOLDER = b"convivir-page-cache-form-token"
AREAS = ("content", "directory", "seats")
DEFAULT_AREAS = frozenset({"content", "seats"})
KEPT_TYPES = ("text/html", "application/json", "text/calendar")
STATE_HEADER = "X-Convivir-Page-Cache"


def depends_on(response, *areas):
    """Mark ``response`` as depending on ``content`` and ``areas`` only
    (instead of the default ``content`` and ``seats``)."""
    response.page_cache_areas = frozenset({"content", *areas})
    return response


def changed(area: str) -> None:
    """Something shown in ``area`` changed: kept pages depending on it are
    no longer served."""
    _moved_on(area)
    # Again once committed: a page made meanwhile read the old rows.
    transaction.on_commit(lambda: _moved_on(area), robust=True)


def _moved_on(area: str) -> None:
    _new_generation(area)
    _LOCAL.forget_generations()


def _generation_key(area: str) -> str:
    return f"pagecache:generation:{area}"


def _new_generation(area: str) -> None:
    cache.set(_generation_key(area), uuid.uuid4().hex, None)


def _generations(*also: str) -> tuple[dict[str, str], dict]:
    """Every area's generation, and the values of the keys ``also`` (read
    in the same round trip to the cache)."""
    keys = {area: _generation_key(area) for area in AREAS}
    found = cache.get_many([*keys.values(), *also])
    generations = {}
    for area, key in keys.items():
        if key not in found:
            cache.add(key, uuid.uuid4().hex, None)
            found[key] = cache.get(key)
        generations[area] = found[key]
    return generations, found


def kept(name: str, compute, *, areas=(), seconds: int = 3600):
    """What ``compute()`` gives, kept under ``name`` while ``content`` and
    ``areas`` keep their generations, ``seconds`` at most (0: never kept):
    for the parts of pages that other caches keep (the header and footer,
    home page sections, the site of a host)."""
    if not seconds:
        return compute()
    key = f"pagecache:kept:{name}"
    current, found = _generations(key)  # one round trip to the cache
    made_under = ":".join(current[area] for area in ("content", *areas))
    entry = found.get(key)
    if entry is not None and entry[0] == made_under:
        return entry[1]
    value = compute()
    cache.set(key, (made_under, value), seconds)
    return value


def csrf_token(request) -> dict:
    """Context processor (after Django's own): one form token per page, so
    a kept page can have it replaced for each visitor."""

    def token():
        if not hasattr(request, "_page_cache_token"):
            request._page_cache_token = get_token(request)
        return request._page_cache_token

    return {"csrf_token": SimpleLazyObject(token)}


def _is_candidate(request) -> bool:
    return (
        settings.PAGE_CACHE_SECONDS > 0
        and request.method == "GET"
        and not request.path_info.startswith(tuple(settings.PAGE_CACHE_SKIP_PREFIXES))
        and settings.SESSION_COOKIE_NAME not in request.COOKIES
        and "messages" not in request.COOKIES
    )


def _key(request) -> str:
    address = f"{request.scheme}://{request.get_host()}{request.get_full_path()}"
    return "pagecache:page:" + hashlib.sha256(address.encode()).hexdigest()


class PageCacheMiddleware:
    """Serves kept pages before the session, the language and the views
    run; keeps the pages it may (see the module's description)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not _is_candidate(request):
            return self.get_response(request)
        key = _key(request)
        generations, kept = _LOCAL.lookup(key)
        if generations is None:
            generations, found = _generations(key)
            _LOCAL.remember_generations(generations)
            kept = found.get(key)
        elif kept is None:
            kept = cache.get(key)
        if kept and _fresh(kept, generations):
            _LOCAL.put(key, kept)
            return _serve(request, kept)
        response = self.get_response(request)
        _keep(request, response, key, generations)
        return response


def _fresh(kept, generations) -> bool:
    """Whether a kept page may be served: made under the generations of
    the areas it depends on, and not older than ``PAGE_CACHE_SECONDS``."""
    return kept.get("until", 0) >= time.time() and all(
        kept["generations"].get(area) == generations[area] for area in kept["areas"]
    )


class _WorkerCopies:
    """The pages this worker served last, kept in its own memory as well
    (``PAGE_CACHE_LOCAL_BYTES`` at most, the least recently served dropped
    first), and the generations it read, trusted for
    ``PAGE_CACHE_LOCAL_SECONDS``: a page shared thousands of times a minute
    is served without asking the cache each time. A change made in this
    worker is seen at once; one made in another worker, within those
    seconds."""

    def __init__(self):
        self.lock = threading.Lock()
        self.pages = OrderedDict()
        self.size = 0
        self.generations = None
        self.read_at = 0.0

    def lookup(self, key):
        """``(generations, page)``: ``(None, None)`` when the generations
        must be read again; the page is ``None`` when this worker has none."""
        seconds = settings.PAGE_CACHE_LOCAL_SECONDS
        if not seconds or self.generations is None:
            return None, None
        if time.monotonic() - self.read_at > seconds:
            return None, None
        with self.lock:
            page = self.pages.get(key)
            if page is not None:
                self.pages.move_to_end(key)
        return self.generations, page

    def remember_generations(self, generations):
        if settings.PAGE_CACHE_LOCAL_SECONDS:
            self.generations, self.read_at = generations, time.monotonic()

    def forget_generations(self):
        self.generations = None

    def put(self, key, page):
        if not settings.PAGE_CACHE_LOCAL_SECONDS:
            return
        size = len(page["content"])
        limit = settings.PAGE_CACHE_LOCAL_BYTES
        if size > limit:
            return
        with self.lock:
            if key in self.pages:
                if self.pages[key] is page:
                    return
                self.size -= len(self.pages.pop(key)["content"])
            self.pages[key] = page
            self.size += size
            while self.size > limit:
                _key, dropped = self.pages.popitem(last=False)
                self.size -= len(dropped["content"])

    def clear(self):
        with self.lock:
            self.pages.clear()
            self.size = 0
            self.generations = None


_LOCAL = _WorkerCopies()


def clear_worker_copies() -> None:
    """Forget this worker's copies (tests; after emptying the cache)."""
    _LOCAL.clear()


def _storable(request, response) -> bool:
    if response.status_code != 200 or response.streaming:
        return False
    if not response.get("Content-Type", "").startswith(KEPT_TYPES):
        return False
    control = response.get("Cache-Control", "").lower()
    if any(word in control for word in ("private", "no-cache", "no-store")):
        return False
    # The request had no session; one started now would set its cookie.
    token_used = hasattr(request, "_page_cache_token")
    return set(response.cookies) <= (
        {settings.CSRF_COOKIE_NAME} if token_used else set()
    )


def _keep(request, response, key, generations) -> None:
    if not _storable(request, response):
        response[STATE_HEADER] = "skip"
        return
    content = response.content
    token = getattr(request, "_page_cache_token", "")
    if token:
        content = content.replace(token.encode(), PLACEHOLDER)
    areas = getattr(response, "page_cache_areas", DEFAULT_AREAS)
    made_under = repr(sorted(generations.items())).encode()
    etag = f'"{hashlib.sha256(content + made_under).hexdigest()[:32]}"'
    headers = [
        (name, value)
        for name, value in response.items()
        if name.lower() not in ("vary", "set-cookie", STATE_HEADER.lower())
    ]
    vary = [
        part.strip()
        for part in response.get("Vary", "").split(",")
        if part.strip() and part.strip().lower() != "cookie"
    ]
    if vary:
        headers.append(("Vary", ", ".join(vary)))
    headers += [("ETag", etag), ("Last-Modified", http_date())]
    _public(headers, has_form=bool(token))
    entry = {
        "content": content,
        "headers": headers,
        "areas": sorted(areas),
        "generations": {area: generations[area] for area in areas},
        "until": time.time() + settings.PAGE_CACHE_SECONDS,
    }
    cache.set(key, entry, settings.PAGE_CACHE_SECONDS)
    _LOCAL.put(key, entry)
    for name, value in headers:
        if name in ("ETag", "Last-Modified", "Cache-Control"):
            response[name] = value
    response[STATE_HEADER] = "miss"


def _public(headers: list, has_form: bool) -> None:
    """The ``Cache-Control`` a kept page is served with: a shared cache may
    keep a page without a form token; a page with one is the visitor's."""
    response = HttpResponse()
    for name, value in headers:
        if name.lower() == "cache-control":
            response["Cache-Control"] = value
    if has_form:
        patch_cache_control(response, private=True, no_cache=True)
    else:
        patch_cache_control(
            response, public=True, max_age=0, s_maxage=settings.PAGE_CACHE_SECONDS
        )
    headers[:] = [(n, v) for n, v in headers if n.lower() != "cache-control"]
    headers.append(("Cache-Control", response["Cache-Control"]))


def _serve(request, kept) -> HttpResponse:
    headers = dict(kept["headers"])
    not_modified = get_conditional_response(
        request, etag=headers["ETag"], last_modified=None
    )
    if not_modified is not None:
        for name in ("ETag", "Cache-Control", "Vary"):
            if name in headers:
                not_modified[name] = headers[name]
        not_modified[STATE_HEADER] = "hit"
        return not_modified
    content = kept["content"]
    csrf = None
    if PLACEHOLDER in content:
        csrf = CsrfViewMiddleware(lambda request: None)
        csrf.process_request(request)
        content = content.replace(PLACEHOLDER, get_token(request).encode())
    response = HttpResponse(content)
    for name, value in kept["headers"]:
        response[name] = value
    response[STATE_HEADER] = "hit"
    if csrf is not None:
        csrf.process_response(request, response)
    return response


def _content_changed(**kwargs):
    changed("content")


def connect_content_signals(*shown_everywhere):
    """Pages published, unpublished, moved or deleted, made private or
    public again, the sites, and what every page shows (``shown_everywhere``:
    the menus and the footer) change ``content``."""
    uid = "convivir.pagecache.content"
    for signal in (page_published, page_unpublished, post_page_move):
        signal.connect(_content_changed, dispatch_uid=uid)
    post_delete.connect(_content_changed, sender=Page, dispatch_uid=uid)
    follow("content", Site, PageViewRestriction, *shown_everywhere)


def follow(area: str, *models) -> None:
    """Saving or deleting one of ``models`` changes ``area`` (for what the
    pages depending on it show without being republished)."""

    def _changed(**kwargs):
        changed(area)

    for model in models:
        for signal in (post_save, post_delete):
            signal.connect(
                _changed,
                sender=model,
                weak=False,
                dispatch_uid=f"convivir.pagecache.{area}.{model._meta.label}",
            )
