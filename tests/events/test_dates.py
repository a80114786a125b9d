"""An event's date reads the same wherever it is shown: the event page,
the calendar list, the archive, the registration page and the e-mails,
in Spanish and in English (one formatter, :func:`events.when.occurrence_when`)."""

import pytest

from events.factories import OccurrenceFactory
from tests.events.conftest import local, outbox
from tests.utils import page_text, translate_page

pytestmark = pytest.mark.django_db

ALL_DAY = {
    "es": "Jueves 14 de marzo de 2030, todo el día",
    "en": "Thursday 14 March 2030, all day",
}
DAYS = {
    "es": "Del jueves 14 de marzo al sábado 16 de marzo de 2030, todo el día",
    "en": "Thursday 14 March to Saturday 16 March 2030, all day",
}


@pytest.fixture
def event_en(event, calendar_page_en, english):
    return translate_page(event, english, title="Mural workshop", slug="mural")


@pytest.mark.parametrize("days", [1, 3])
def test_an_all_day_date_says_so_everywhere(
    client, event, event_en, registration_data, days
):
    expected = ALL_DAY if days == 1 else DAYS
    occurrence = OccurrenceFactory(
        page=event,
        start=local(2030, 3, 14),
        end=local(2030, 3, 13 + days, 23, 59),
        all_day=True,
    )
    past = OccurrenceFactory(
        page=event,
        start=local(2020, 3, 14),
        end=local(2020, 3, 14, 23, 59),
        all_day=True,
    )
    for lang, event_url, list_url, archive_url in (
        (
            "es",
            "/es/eventos/taller-de-murales/",
            "/es/eventos/",
            "/es/eventos/archivo/",
        ),
        ("en", "/en/events/mural/", "/en/events/", "/en/events/archive/"),
    ):
        assert expected[lang] in page_text(client.get(event_url)), lang
        assert expected[lang] in page_text(client.get(list_url)), lang
        register = f"/{lang}/{'eventos' if lang == 'es' else 'events'}/"
        register += f"{occurrence.pk}/{'inscripcion' if lang == 'es' else 'register'}/"
        assert expected[lang] in page_text(client.get(register)), lang
        archive = page_text(client.get(archive_url))
        assert (
            ALL_DAY[lang]
            .replace("Jueves", "Sábado")
            .replace("Thursday", "Saturday")
            .replace("2030", "2020")
            in archive
        ), lang
    assert past.all_day

    client.post(
        f"/es/eventos/{occurrence.pk}/inscripcion/",
        {**registration_data, "language": "es"},
    )
    (message,) = outbox()
    assert expected["es"] in message.body


def test_a_timed_date_reads_the_same_on_the_page_and_in_the_email(
    client, event, event_en, registration_data
):
    occurrence = OccurrenceFactory(
        page=event, start=local(2030, 3, 14, 10), end=local(2030, 3, 14, 12)
    )
    assert "Jueves 14 de marzo de 2030, 10:00\u201312:00" in page_text(
        client.get("/es/eventos/taller-de-murales/")
    )
    assert "Thursday 14 March 2030, 10:00\u201312:00" in page_text(
        client.get("/en/events/mural/")
    )
    client.post(
        f"/en/events/{occurrence.pk}/register/",
        {**registration_data, "language": "en"},
    )
    (message,) = outbox()
    assert "Thursday 14 March 2030, 10:00\u201312:00" in message.body
