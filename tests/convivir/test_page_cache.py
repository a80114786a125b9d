"""Whole pages kept for visitors without a session (convivir/pagecache.py):
what is kept and what never is, freshness after a publish, a menu change or
a move, conditional requests, and the headers a proxy reads."""

from django.test import Client

import pytest

from convivir.factories import ContentPageFactory
from tests.utils import add_child, translate_page

pytestmark = pytest.mark.django_db

STATE = "X-Convivir-Page-Cache"


@pytest.fixture(autouse=True)
def _page_cache(settings):
    settings.PAGE_CACHE_SECONDS = 300


@pytest.fixture
def about(home):
    return add_child(
        home, ContentPageFactory.build(title="Quiénes somos", slug="quienes")
    )


def test_a_page_is_kept_and_served_again(about):
    visitor = Client()
    first = visitor.get("/es/quienes/")
    assert first.status_code == 200 and first[STATE] == "miss"
    again = Client().get("/es/quienes/")
    assert again[STATE] == "hit"
    assert again.content == first.content
    assert again["Content-Language"] == "es"
    assert "Content-Security-Policy" in again
    # No form on it: a proxy or CDN may keep it too, and must ask again.
    for response in (first, again):
        words = set(response["Cache-Control"].split(", "))
        assert words == {"public", "max-age=0", "s-maxage=300"}
    assert again["ETag"] == first["ETag"]
    assert "Last-Modified" in again


def test_a_matching_etag_gets_304(about):
    etag = Client().get("/es/quienes/")["ETag"]
    response = Client().get("/es/quienes/", headers={"if-none-match": etag})
    assert response.status_code == 304
    assert response.content == b""
    assert response["ETag"] == etag
    changed = Client().get("/es/quienes/", headers={"if-none-match": '"other"'})
    assert changed.status_code == 200


def test_each_language_is_kept_apart(about, english, home_en):
    translate_page(about, english, title="About us", slug="about")
    assert "Quiénes somos" in Client().get("/es/quienes/").content.decode()
    english_page = Client().get("/en/about/")
    assert english_page[STATE] == "miss"
    assert "About us" in english_page.content.decode()
    assert "Quiénes somos" in Client().get("/es/quienes/").content.decode()


def test_a_publish_is_seen_at_once(about):
    Client().get("/es/quienes/")
    about.title = "Quiénes somos y qué hacemos"
    about.save_revision().publish()
    response = Client().get("/es/quienes/")
    assert response[STATE] == "miss"
    assert "Quiénes somos y qué hacemos" in response.content.decode()


def test_an_unpublished_page_is_gone_at_once(about):
    Client().get("/es/quienes/")
    about.unpublish()
    assert Client().get("/es/quienes/").status_code == 404


def test_a_new_page_in_the_menu_is_seen_on_kept_pages(about, home):
    Client().get("/es/quienes/")
    add_child(home, ContentPageFactory.build(title="Contacto", slug="contacto"))
    response = Client().get("/es/quienes/")
    assert response[STATE] == "miss"


def test_pages_behind_a_personal_link_or_a_session_are_never_kept(about, admin_user):
    # "My data" asks for an address; everything under it is never cached.
    assert Client().get("/es/mis-datos/")[STATE] == "skip"
    assert Client().get("/es/mis-datos/")[STATE] == "skip"
    editor = Client()
    editor.force_login(admin_user)
    assert STATE not in editor.get("/es/quienes/")
    assert STATE not in editor.get("/admin/")
    assert Client().get("/es/quienes/")[STATE] == "miss"


def test_errors_and_redirects_are_not_kept(about):
    assert Client().get("/es/no-existe/")[STATE] == "skip"
    assert Client().get("/es/no-existe/").status_code == 404
    assert Client().get("/").status_code == 302


def test_turned_off_nothing_is_kept(about, settings):
    settings.PAGE_CACHE_SECONDS = 0
    Client().get("/es/quienes/")
    assert STATE not in Client().get("/es/quienes/")
