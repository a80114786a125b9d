"""Wagtail's page routing in two queries instead of one or two per level.

Wagtail finds a page by walking from the home page down, one query for each
child by its slug and one for its specific type, after a query for the
active locale (four or five on every page, two levels down). The address
says which pages it walks through: each has the ``url_path`` of its parent
plus its slug. So :func:`serve` fetches all of them in one query by their
``url_path``, then the deepest one's specific type, and hands the rest of
the address to that page's own ``route()``, as Wagtail would have. A page
type with its own ``route()`` (a routable page) is handed the rest of the
address where it stands, even when a deeper page matches, exactly as
Wagtail's walk would do.

The home page of each language is kept (:func:`convivir.pagecache.kept`,
until a page is published, unpublished, moved or deleted). When the pages
found are not one unbroken walk down from that home page, Wagtail routes
the request itself.

The pages walked through are kept on the page found, for its breadcrumbs
(``route_ancestors``)."""

from django.http import Http404
from django.utils.translation import get_language, get_supported_language_variant

from wagtail import views as wagtail_views
from wagtail.contrib.routable_page.models import RoutablePageMixin
from wagtail.models import Page, Site

from convivir import pagecache
from convivir.common.routes import LocalizedRoutablePageMixin


def serve(request, path):
    """Wagtail's ``serve`` view, with the route found by :func:`find`."""
    if not hasattr(request, "_wagtail_route_for_request"):
        try:
            request._wagtail_route_for_request = find(request, path)
        except _Unrouted:
            pass  # Wagtail routes it
        except Http404:
            request._wagtail_route_for_request = None
    return wagtail_views.serve(request, path)


class _Unrouted(Exception):
    """What was kept does not fit the database: let Wagtail route."""


def find(request, path):
    """The ``RouteResult`` for ``path`` (``None`` when there is no site),
    or ``Http404``."""
    site = Site.find_for_request(request)
    if site is None:
        return None
    root_path = home_paths(site).get(_language(), site.root_page.url_path)
    components = [part for part in path.split("/") if part]
    candidates = [root_path]
    for part in components:
        candidates.append(f"{candidates[-1]}{part}/")
    # By slug first (indexed; url_path is not), then the exact paths.
    slugs = {root_path.rstrip("/").rpartition("/")[2], *components}
    rows = list(
        Page.objects.filter(slug__in=slugs, url_path__in=candidates).order_by("depth")
    )
    if [row.url_path for row in rows] != candidates[: len(rows)]:
        raise _Unrouted  # not the walk from the home page: let Wagtail walk
    stop = len(rows) - 1
    for index, row in enumerate(rows[:-1]):
        if _stops_at(row, components[index:]):
            stop = index
            break
    page = rows[stop].specific
    if stop:
        page._cached_parent_obj = rows[stop - 1]
    page.route_ancestors = rows[:stop]
    return page.route(request, components[stop:])


def home_paths(site) -> dict[str, str]:
    """The ``url_path`` of the site's home page in each language it is live
    in."""

    def build():
        homes = Page.objects.filter(
            translation_key=site.root_page.translation_key, live=True
        ).values_list("locale__language_code", "url_path")
        return dict(homes)

    return pagecache.kept(f"homes:{site.pk}", build)


def _language() -> str:
    try:
        return get_supported_language_variant(get_language())
    except LookupError:
        return get_language()


def _stops_at(row, rest) -> bool:
    """Whether Wagtail's walk, at ``row`` with ``rest`` of the address
    left, would be handed over to ``row``'s own ``route()`` instead of
    going on to the child named next."""
    model = row.specific_class
    if model is None:
        return True
    if model.route is Page.route:
        return False
    if model.route not in _SUBPAGES_FIRST:
        return True  # a route() of its own: it decides
    if not row.live:
        return False  # a routable page's routes are served when it is live
    try:
        model.get_resolver().resolve("/" + "".join(f"{part}/" for part in rest))
    except Http404:
        return False  # not one of its routes: on to its children
    return True


# Routable pages' route(): one of their own routes, else their children.
_SUBPAGES_FIRST = (RoutablePageMixin.route, LocalizedRoutablePageMixin.route)
