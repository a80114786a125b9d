"""When a date starts, in words, in the registrant's language: "today at
18:00", "tomorrow at 10:00", "on 14 March at 10:00" (events.when), as the
reminders say it."""

from datetime import timedelta

import pytest

from events.factories import OccurrenceFactory, RegistrationFactory
from events.models import Registration
from tests.events.conftest import local, outbox

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "now,start,all_day,spanish,english",
    [
        (
            (2030, 3, 14, 8, 0),
            (2030, 3, 14, 18, 0),
            False,
            ("Hoy a las 18:00: Taller de murales", "es hoy a las 18:00"),
            ("Today at 18:00: Taller de murales", "is today at 18:00"),
        ),
        (
            (2030, 3, 13, 12, 0),
            (2030, 3, 14, 10, 0),
            False,
            ("Mañana a las 10:00: Taller de murales", "es mañana a las 10:00"),
            ("Tomorrow at 10:00: Taller de murales", "is tomorrow at 10:00"),
        ),
        (
            (2030, 3, 13, 23, 30),
            (2030, 3, 14, 0, 30),
            False,
            ("Mañana a las 00:30: Taller de murales", "es mañana a las 00:30"),
            ("Tomorrow at 00:30: Taller de murales", "is tomorrow at 00:30"),
        ),
        (
            (2030, 3, 11, 9, 0),
            (2030, 3, 14, 10, 0),
            False,
            (
                "El 14 de marzo a las 10:00: Taller de murales",
                "es el 14 de marzo a las 10:00",
            ),
            (
                "On 14 March at 10:00: Taller de murales",
                "is on 14 March at 10:00",
            ),
        ),
        (
            (2030, 3, 13, 18, 0),
            (2030, 3, 14, 0, 0),
            True,
            ("Mañana: Taller de murales", "es mañana y estás"),
            ("Tomorrow: Taller de murales", "is tomorrow and you"),
        ),
    ],
)
def test_the_reminder_says_when_in_the_registrants_language(
    event, settings, now, start, all_day, spanish, english
):
    settings.EVENTS_REMINDER_HOURS = 96
    start = local(*start)
    occurrence = OccurrenceFactory(
        page=event, start=start, end=start + timedelta(hours=2), all_day=all_day
    )
    RegistrationFactory(occurrence=occurrence, email="ana@x.example")
    RegistrationFactory(occurrence=occurrence, email="ann@x.example", language="en")
    assert Registration.send_reminders(now=local(*now)) == 2
    sent = {m.to[0]: m for m in outbox()}
    for address, (subject, text) in (
        ("ana@x.example", spanish),
        ("ann@x.example", english),
    ):
        message = sent[address]
        assert message.subject == subject
        assert text in " ".join(message.body.split())
        html = " ".join(message.alternatives[0][0].split())
        assert text in html
