"""Addresses in the visitor's language: a Django URL pattern per language,
and old addresses sent on permanently."""

from django.test import RequestFactory
from django.utils import translation

from convivir.common.routes import localized, moved


def test_a_pattern_reads_in_the_active_language():
    pattern = localized(
        es="eventos/<int:pk>/inscripcion/", en="events/<int:pk>/register/"
    )
    with translation.override("es"):
        assert str(pattern) == "eventos/<int:pk>/inscripcion/"
    with translation.override("en"):
        assert str(pattern) == "events/<int:pk>/register/"
    with translation.override("fr"):
        assert str(pattern) == "eventos/<int:pk>/inscripcion/"


def test_an_old_address_moves_permanently_with_its_query(db):
    view = moved("privacy:request_link")
    request = RequestFactory().get("/en/voluntariado/mis-datos/?a=1")
    with translation.override("en"):
        response = view(request)
    assert response.status_code == 301
    assert response["Location"].endswith("?a=1")
