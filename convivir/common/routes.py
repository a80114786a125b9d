"""Addresses in the page's language: ``/es/buscar-ayuda/servicio/<slug>/``
and ``/en/find-help/service/<slug>/``, ``/es/eventos/<id>/inscripcion/``
and ``/en/events/<id>/register/``.

- Sub-pages of a routable page: declare a route once per language with
  :func:`localized_path` on a :class:`LocalizedRoutablePageMixin` page.
  ``reverse_subpage`` and ``{% routablepageurl %}`` then give the path in
  the page's language, and a path in another language (an address from
  before the paths were translated, say ``/en/find-help/servicio/…``)
  redirects permanently to this language's.
- Django views under the language prefix: ``localized_urls(app_name,
  route(name, view, es=…, en=…), …)`` gives each view its address in the
  active language, and keeps its Spanish address working under another
  language's prefix (links from before the addresses were translated) by a
  permanent redirect (:func:`moved`) to the address in the visitor's
  language.

Query-parameter names stay as they are in every language.
"""

from collections.abc import Callable
from dataclasses import dataclass

from django.conf import settings
from django.http import HttpResponsePermanentRedirect
from django.urls import NoReverseMatch, reverse
from django.urls import path as url_path
from django.utils import translation
from django.utils.functional import lazy

from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.url_routing import RouteResult

from convivir.common.languages import language_code


def _default_language() -> str:
    return settings.LANGUAGE_CODE


def localized(**paths: str):
    """A URL pattern that reads in the active language (``es=…, en=…``);
    languages not given use the default language's."""

    def current() -> str:
        return paths.get(translation.get_language(), paths[_default_language()])

    return lazy(current, str)()


def _with_query(request, url: str) -> str:
    query = request.META.get("QUERY_STRING", "")
    return f"{url}?{query}" if query else url


def moved(url_name: str):
    """A view that sends an old address, permanently, to ``url_name``'s
    address in the visitor's language, with the same arguments and query."""

    def redirect(request, *args, **kwargs):
        return HttpResponsePermanentRedirect(
            _with_query(request, reverse(url_name, args=args, kwargs=kwargs))
        )

    return redirect


@dataclass(frozen=True)
class Route:
    name: str
    view: Callable
    paths: dict[str, str]


def route(name: str, view: Callable, **paths: str) -> Route:
    """A view's address in each language: ``route("pledge", views.pledge,
    es="campanas/<int:page_id>/compromiso/", en="campaigns/…")``."""
    return Route(name, view, paths)


def localized_urls(app_name: str, *routes: Route) -> list:
    """The URL patterns of ``routes``: each at its address in the active
    language, then each default-language address that differs, moved to the
    visitor's language (in the default language the first answers)."""
    default = _default_language()
    patterns = [url_path(localized(**r.paths), r.view, name=r.name) for r in routes]
    patterns += [
        url_path(r.paths[default], moved(f"{app_name}:{r.name}"))
        for r in routes
        if any(p != r.paths[default] for p in r.paths.values())
    ]
    return patterns


def localized_path(name: str, **patterns: str):
    """Route a page's sub-page with one path per language
    (``localized_path("service", es="servicio/<slug:slug>/",
    en="service/<slug:slug>/")``). The default language's path is named
    ``name``; another language's, when it differs, ``name.<language>``."""
    default = _default_language()

    def decorator(view):
        view = path(patterns[default], name=name)(view)
        for language, pattern in patterns.items():
            if language != default and pattern != patterns[default]:
                view = path(pattern, name=f"{name}.{language}")(view)
        return view

    return decorator


class LocalizedRoutablePageMixin(RoutablePageMixin):
    """A routable page whose sub-page paths are in its own language (see
    :func:`localized_path`)."""

    def page_language(self) -> str:
        return language_code(self.locale_id) or _default_language()

    def reverse_subpage(self, name, args=None, kwargs=None):
        """The sub-page's path in this page's language."""
        base = name.partition(".")[0]
        try:
            return super().reverse_subpage(
                f"{base}.{self.page_language()}", args, kwargs
            )
        except NoReverseMatch:
            return super().reverse_subpage(base, args, kwargs)

    def route(self, request, path_components):
        result = super().route(request, path_components)
        match = getattr(request, "routable_resolver_match", None)
        if match is None or result.page is not self or not match.url_name:
            return result
        asked = "/" + "".join(f"{part}/" for part in path_components)
        wanted = "/" + self.reverse_subpage(
            match.url_name, args=match.args, kwargs=match.kwargs
        ).lstrip("/")
        if wanted == asked:
            return result
        target = (self.url or "").rstrip("/") + wanted

        def redirect(request, *args, **kwargs):
            return HttpResponsePermanentRedirect(_with_query(request, target))

        return RouteResult(self, args=(redirect, [], {}))
