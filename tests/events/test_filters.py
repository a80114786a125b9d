"""The calendar's filter (events.filters): state, town, category and
language as facets with counts, dates and a text search; the same on the
upcoming list, the month grid, the archive and the iCal feed; unknown
values reported and ignored."""

import re
from datetime import timedelta

from django.utils.text import slugify

import pytest

from events.factories import OccurrenceFactory, VenueFactory, category
from tests.events.conftest import local, make_event

pytestmark = pytest.mark.django_db


@pytest.fixture
def corridor(calendar_page):
    """Three events in three states, categories and languages."""
    places = [
        ("Festival en Tapachula", "Tapachula", "chiapas", "festival", ["es", "mam"]),
        ("Diálogo en Tenosique", "Tenosique", "tabasco", "dialogo", ["es"]),
        ("Cine en Ixtepec", "Ciudad Ixtepec", "oaxaca", "cine", ["es", "zap"]),
    ]
    for n, (title, town, state, kind, languages) in enumerate(places):
        page = make_event(
            calendar_page,
            title=title,
            slug=f"evento-{n}",
            venue=VenueFactory(municipality=town, state=state),
            category=category(kind),
            languages=languages,
        )
        start = local(2030, 11, 10 + n * 5, 18)
        OccurrenceFactory(page=page, start=start, end=start + timedelta(hours=2))


@pytest.mark.parametrize(
    "query,expected",
    [
        ({"state": "tabasco"}, {"Diálogo en Tenosique"}),
        ({"municipality": "Ciudad Ixtepec"}, {"Cine en Ixtepec"}),
        ({"category": "festival"}, {"Festival en Tapachula"}),
        ({"language": "zap"}, {"Cine en Ixtepec"}),
        ({"language": "mam", "state": "chiapas"}, {"Festival en Tapachula"}),
        ({"from": "2030-11-14", "to": "2030-11-16"}, {"Diálogo en Tenosique"}),
        ({"q": "cine"}, {"Cine en Ixtepec"}),
        ({"q": "tenosique"}, {"Diálogo en Tenosique"}),
        # Accents, plurals and case do not matter.
        ({"q": "dialogo"}, {"Diálogo en Tenosique"}),
        ({"q": "DIÁLOGOS"}, {"Diálogo en Tenosique"}),
    ],
)
def test_filters(client, corridor, query, expected):
    html = client.get("/es/eventos/", query).content.decode()
    titles = {"Festival en Tapachula", "Diálogo en Tenosique", "Cine en Ixtepec"}
    shown = {title for title in titles if f">{title}</a>" in html}
    assert shown == expected


def test_filters_apply_to_the_month_grid(client, corridor):
    html = client.get(
        "/es/eventos/calendario/2030/11/", {"state": "oaxaca"}
    ).content.decode()
    assert "Cine en Ixtepec" in html and "Festival en Tapachula" not in html
    assert 'href="/es/eventos/calendario/2030/12/?state=oaxaca"' in html


@pytest.mark.parametrize(
    "query",
    [
        {"state": "jalisco"},
        {"category": "<script>"},
        {"language": "xx", "municipality": "Atlantis"},
        {"from": "2030-02-31"},
        {"from": "mañana", "to": "ayer"},
        {"from": "2030-12-01", "to": "2030-11-01"},
        {"page": "999"},
        {"page": "x"},
        {"q": "x" * 500},
    ],
)
def test_unknown_filter_values_are_ignored_with_a_message(client, corridor, query):
    response = client.get("/es/eventos/", query)
    assert response.status_code == 200
    html = response.content.decode()
    if "page" not in query:
        assert "Algunos filtros no se entendieron y se ignoraron" in html
    assert client.get("/es/eventos/calendario/2030/11/", query).status_code == 200
    assert client.get("/es/eventos/archivo/", query).status_code == 200
    assert client.get("/es/eventos/calendar.ics", query).status_code == 200


def test_a_filter_with_one_bad_value_keeps_the_good_ones(client, corridor):
    html = client.get(
        "/es/eventos/", {"state": "tabasco", "category": "nope"}
    ).content.decode()
    assert "Diálogo en Tenosique" in html and "Cine en Ixtepec" not in html


def _count(html: str, name: str, value: str) -> str:
    """The count shown beside one choice of the filter."""
    match = re.search(
        rf'id="{name}-{re.escape(slugify(value))}"[^>]*>\s*<label[^>]*>[^<]*'
        r'<span class="muted">\((\d+)\)</span>',
        html,
    )
    assert match, (name, value)
    return match.group(1)


def test_each_choice_counts_its_dates_under_the_other_filters(client, corridor):
    html = client.get("/es/eventos/").content.decode()
    assert _count(html, "state", "chiapas") == "1"
    assert _count(html, "category", "cine") == "1"
    assert _count(html, "language", "es") == "3"
    assert _count(html, "language", "zap") == "1"
    html = client.get("/es/eventos/", {"language": "mam"}).content.decode()
    # Under "Mam" only the festival in Tapachula is left…
    assert _count(html, "state", "chiapas") == "1"
    assert _count(html, "state", "oaxaca") == "0"
    assert _count(html, "municipality", "Tenosique") == "0"
    # …while the languages still count every date, to switch between them.
    assert _count(html, "language", "zap") == "1"
    assert 'value="mam" id="language-mam" checked' in html


def test_one_choice_per_filter_and_any_clears_it(client, corridor):
    html = client.get("/es/eventos/").content.decode()
    assert 'type="radio" name="state" value="" id="state--any" checked' in html
    assert 'type="radio" name="state" value="chiapas" id="state-chiapas">' in html
    html = client.get("/es/eventos/", {"state": "oaxaca"}).content.decode()
    assert 'id="state--any" checked' not in html
    assert ">Cine en Ixtepec</a>" in html and "1 fecha próxima" in html
    # "Any" sends an empty value: no filter, and nothing to report.
    html = client.get("/es/eventos/", {"state": "", "category": ""}).content.decode()
    assert "3 fechas próximas" in html
    assert "no se entendieron" not in html


def test_links_carry_the_understood_filters_only(client, corridor):
    html = client.get(
        "/es/eventos/calendario/2030/11/", {"state": ["oaxaca", "jalisco"], "q": ""}
    ).content.decode()
    assert 'href="/es/eventos/calendario/2030/12/?state=oaxaca"' in html
    assert 'href="/es/eventos/calendar.ics?state=oaxaca"' in html
    assert "Algunos filtros no se entendieron y se ignoraron: Estado." in html


def test_clearing_the_filters_goes_back_to_the_same_view(client, corridor):
    html = client.get("/es/eventos/archivo/", {"state": "chiapas"}).content.decode()
    assert '<a href="/es/eventos/archivo/">Quitar filtros</a>' in html


@pytest.mark.parametrize(
    "query",
    [
        {"to": "9999-12-31"},
        {"from": "9999-12-31"},
        {"from": "0001-01-01"},
        {"to": "0001-01-01"},
        {"from": "0001-01-01", "to": "9999-12-31"},
    ],
)
def test_dates_at_the_ends_of_the_calendar_are_refused_with_a_message(
    client, corridor, query
):
    for url in ("/es/eventos/", "/es/eventos/archivo/", "/es/eventos/calendario/"):
        response = client.get(url, query)
        assert response.status_code == 200, url
        html = response.content.decode()
        assert "Algunos filtros no se entendieron y se ignoraron" in html
        assert "Elige una fecha entre los años 1900 y 2999." in html
    # The feed ignores them, as it does any date it does not understand.
    feed = client.get("/es/eventos/calendar.ics", query)
    assert feed.status_code == 200
    assert feed.content.decode().count("BEGIN:VEVENT") == 3


def test_the_widest_dates_the_calendar_takes_still_filter(client, corridor):
    html = client.get(
        "/es/eventos/", {"from": "1900-01-01", "to": "2999-12-31"}
    ).content.decode()
    assert "no se entendieron" not in html
    assert "3 fechas próximas" in html
