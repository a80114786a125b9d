"""Translating an event page with wagtail-localize ("Translate → English")
leaves the shared snippets it links to alone: the category and venue keep
their own translations, and the English page shows them in English."""

import pytest

from events.factories import category
from events.models import EventCategory, Venue

pytestmark = pytest.mark.django_db


def submit_translation(client, page, locale):
    """What an editor does with "Translate → English" on the page."""
    response = client.post(
        f"/admin/localize/submit/page/{page.pk}/", {"locales": [locale.pk]}
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    translated = page.get_translation(locale).specific
    translated.get_latest_revision().publish()
    return translated


def english_page_html(client, translated) -> str:
    translated.refresh_from_db()
    response = client.get(translated.url)
    assert response.status_code == 200
    return response.content.decode()


def test_translating_an_event_keeps_the_english_category_and_venue(
    admin_client, client, event, calendar_page_en, english
):
    workshop = category("taller", language="en")
    assert event.category.name == "Taller" and workshop.name == "Workshop"

    translated = submit_translation(admin_client, event, english)

    workshop.refresh_from_db()
    assert workshop.name == "Workshop"
    assert EventCategory.objects.filter(slug="taller").count() == 2
    html = english_page_html(client, translated)
    assert '<p class="event__category">Workshop</p>' in html


def test_a_venue_without_english_is_not_copied_and_shows_once_translated(
    admin_client, client, event, calendar_page_en, english
):
    translated = submit_translation(admin_client, event, english)

    # The page's translation creates no English copy of the venue: the
    # English page names the Spanish one until the venue is translated.
    assert not Venue.objects.filter(locale=english).exists()
    assert "Parque Central" in english_page_html(client, translated)

    response = admin_client.post(
        f"/admin/localize/submit/snippet/events/venue/{event.venue.pk}/",
        {"locales": [english.pk]},
    )
    assert response.status_code == 302
    english_venue = Venue.objects.get(locale=english)
    english_venue.name = "Central Park"
    english_venue.save()
    html = english_page_html(client, translated)
    assert "Central Park" in html and "Parque Central" not in html


def test_translating_a_second_event_never_rewrites_a_translated_venue(
    admin_client, event, calendar_page_en, english
):
    english_venue = event.venue.copy_for_translation(english)
    english_venue.name = "Central Park"
    english_venue.directions = "Across from the cathedral."
    english_venue.save()

    submit_translation(admin_client, event, english)

    english_venue.refresh_from_db()
    assert english_venue.name == "Central Park"
    assert english_venue.directions == "Across from the cathedral."
