"""Page routing in two queries (convivir/routing.py) finds what Wagtail's
own walk from the home page finds, for every page of the demo, the routes
of routable pages, pages under unpublished ones, and addresses that lead
nowhere."""

from django.db import connection
from django.http import Http404
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext
from django.utils import translation

from wagtail.models import Page, Site

import pytest

from convivir import routing
from convivir.models import ContentPage
from directory.models import DirectoryIndexPage, Service
from tests.utils import add_child

pytestmark = pytest.mark.django_db


def _outcome(route):
    """What a route result says: the page, and the view of a routable
    page's route with its arguments; "404" when there is none."""
    try:
        result = route()
    except Http404:
        return "404"
    if result is None:
        return None
    view = ""
    args = result.args
    if args:
        view_function, view_args, view_kwargs = args
        view = getattr(view_function, "__name__", repr(view_function))
        args = (tuple(view_args), dict(view_kwargs))
    return (result.page.pk, type(result.page).__name__, view, args)


def _both(path: str, language: str = "es"):
    """(Ours, Wagtail's) for ``path`` under ``language``'s prefix."""
    with translation.override(language):
        request = RequestFactory().get(f"/{language}/{path}")
        ours = _outcome(lambda: routing.find(request, path))
        request = RequestFactory().get(f"/{language}/{path}")
        site = Site.find_for_request(request)
        components = [part for part in path.split("/") if part]
        wagtails = _outcome(
            lambda: site.root_page.localized.specific.route(request, components)
        )
    return ours, wagtails


def _path_in_language(page) -> tuple[str, str]:
    language = page.locale.language_code
    url = page.get_url()
    assert url.startswith(f"/{language}/"), url
    return url[len(language) + 2 :], language


def test_every_demo_page_and_route_is_found_as_wagtail_finds_it(demo_site):
    paths = [
        _path_in_language(page)
        for page in Page.objects.filter(depth__gte=2).select_related("locale")
    ]
    service = Service.objects.public().first()
    for language, index in (("es", "buscar-ayuda"), ("en", "find-help")):
        paths += [
            (f"{index}/", language),
            (f"{index}/servicio/{service.slug}/", language),  # the other language's
            (f"{index}/service/{service.slug}/", language),
            (f"{index}/municipio/tapachula/", language),
            (f"{index}/servicio/no-such-service/", language),
            (f"{index}/no/such/page/", language),
            ("no-such-page/", language),
            ("", language),
        ]
    assert len(paths) > 60
    for path, language in paths:
        ours, wagtails = _both(path, language)
        assert ours == wagtails, (language, path)


def test_a_routable_pages_route_wins_over_a_child_with_the_same_slug():
    home = Page.objects.get(depth=2, locale__language_code="es")
    directory = add_child(home, DirectoryIndexPage(title="Directorio", slug="ayuda"))
    clash = add_child(directory, ContentPage(title="Choca", slug="municipio"))
    under = add_child(clash, ContentPage(title="Debajo", slug="tapachula"))
    ours, wagtails = _both("ayuda/municipio/tapachula/")
    assert ours == wagtails
    assert ours[0] == directory.pk and ours[2] == "town_route"
    # Not one of the page's routes: its child is served.
    ours, wagtails = _both("ayuda/municipio/")
    assert ours == wagtails and ours[0] == clash.pk
    assert under.pk  # the clash's own child is shadowed, as by Wagtail


def test_a_page_under_an_unpublished_one_is_still_served_and_it_is_not():
    home = Page.objects.get(depth=2, locale__language_code="es")
    parent = add_child(home, ContentPage(title="Sección", slug="seccion"))
    child = add_child(parent, ContentPage(title="Hoja", slug="hoja"))
    parent.unpublish()
    ours, wagtails = _both("seccion/hoja/")
    assert ours == wagtails and ours[0] == child.pk
    assert _both("seccion/") == ("404", "404")
    assert _both("seccion/hoja/mas/") == ("404", "404")


def test_a_language_without_its_home_page_is_served_from_the_sites_home():
    home = Page.objects.get(depth=2, locale__language_code="es")
    page = add_child(home, ContentPage(title="Acerca", slug="acerca"))
    ours, wagtails = _both("acerca/", "en")
    assert ours == wagtails and ours[0] == page.pk


def test_a_page_two_levels_down_is_found_in_two_queries():
    home = Page.objects.get(depth=2, locale__language_code="es")
    parent = add_child(home, ContentPage(title="Sección", slug="seccion"))
    add_child(parent, ContentPage(title="Hoja", slug="hoja"))
    with translation.override("es"):
        request = RequestFactory().get("/es/seccion/hoja/")
        Site.find_for_request(request)
        routing.home_paths(Site.find_for_request(request))
        with CaptureQueriesContext(connection) as queries:
            result = routing.find(request, "seccion/hoja/")
    assert result.page.title == "Hoja"
    assert len(queries) == 2
    assert [a.title for a in result.page.route_ancestors][-1] == "Sección"


def test_a_page_served_through_the_fast_route_has_its_breadcrumbs(client):
    home = Page.objects.get(depth=2, locale__language_code="es")
    parent = add_child(home, ContentPage(title="Sección", slug="seccion"))
    add_child(parent, ContentPage(title="Hoja", slug="hoja"))
    response = client.get("/es/seccion/hoja/")
    assert response.status_code == 200
    html = response.content.decode()
    trail = html[html.index('class="breadcrumbs"') :]
    trail = trail[: trail.index("</nav>")]
    assert 'href="/es/seccion/"' in trail and "Hoja" in trail


def test_pages_whose_paths_do_not_fit_the_walk_are_routed_by_wagtail(client):
    home = Page.objects.get(depth=2, locale__language_code="es")
    parent = add_child(home, ContentPage(title="Sección", slug="seccion"))
    add_child(parent, ContentPage(title="Hoja", slug="hoja"))
    # A url_path out of step with the tree (as after an interrupted move).
    Page.objects.filter(pk=parent.pk).update(url_path="/inicio/otra/")
    with translation.override("es"):
        request = RequestFactory().get("/es/seccion/hoja/")
        with pytest.raises(routing._Unrouted):
            routing.find(request, "seccion/hoja/")
    response = client.get("/es/seccion/hoja/")
    assert response.status_code == 200
    assert "Hoja" in response.content.decode()
