"""What every public page asks the database for, kept in the cache until
content changes (the ``content`` generation of :mod:`convivir.pagecache`,
which site, page and view-restriction changes move on): the Wagtail site a
request's host is served by, and whether any page has a view restriction.

With no restriction anywhere (the usual case), a page's restrictions are
known without asking (:class:`KnownRestrictionsMixin` on every page type)
and :func:`public` does not need Wagtail's restriction query."""

from django.conf import settings
from django.http.request import split_domain_port

from wagtail.models import PageViewRestriction, Site
from wagtail.models.sites import get_site_for_hostname

from convivir import pagecache


def site_for(request):
    """The site serving ``request``'s host and port, as Wagtail finds it
    (``None`` when there is none)."""
    hostname = split_domain_port(request._get_raw_host())[0]
    port = request.get_port()

    def find():
        try:
            return get_site_for_hostname(hostname, port)
        except Site.DoesNotExist:
            return None  # kept too: "no site" is an answer

    return pagecache.kept(f"site:{hostname}:{port}", find)


def any_view_restriction() -> bool:
    """Whether some page is private (a password, logged-in users, groups)."""
    return pagecache.kept("restricted", PageViewRestriction.objects.exists)


def public(pages):
    """``pages`` without the private ones (Wagtail's ``public()``), with no
    query when no page is private."""
    return pages.public() if any_view_restriction() else pages


class KnownRestrictionsMixin:
    """A page type whose view restrictions need no query when no page has
    any (checked by Wagtail before each page is served)."""

    def get_view_restrictions(self):
        if not any_view_restriction():
            return PageViewRestriction.objects.none()
        return super().get_view_restrictions()


class SiteMiddleware:
    """Gives each request for a public page (under a language's prefix) or
    the API its Wagtail site from the cache, before Wagtail looks for it
    (``Site.find_for_request`` keeps it on the request). Other requests
    (the admin, robots.txt, the favicon) let Wagtail find it if they need it."""

    def __init__(self, get_response):
        self.get_response = get_response
        self.prefixes = (*(f"/{code}/" for code, _ in settings.LANGUAGES), "/api/")

    def __call__(self, request):
        if request.path_info.startswith(self.prefixes):
            request._wagtail_site = site_for(request)
        return self.get_response(request)
