"""What the "any input" tests (``test_any_input*.py``) share: the odd
values Hypothesis draws for query strings and form fields, one small site
to send them to, and the checks every answer must pass.

The values lean on what broke pages before: NUL characters, digits that
``str.isdigit()`` accepts and ``int()`` refuses ("²"), numbers too big for
a column, dates at the ends of Python's calendar, impossible dates and
offsets, very long text, and a ``<script>`` marker that must never come
back unescaped."""

import shutil
import tempfile
from datetime import timedelta

from django.db.models import Model
from django.test import override_settings
from django.utils import timezone

import pytest
from hypothesis import currently_in_test_context, event
from hypothesis import strategies as st
from hypothesis.extra.django import TestCase

from campaigns.factories import CampaignIndexPageFactory, CampaignPageFactory
from convivir.models import HomePage
from directory.factories import DirectoryIndexPageFactory, ServiceFactory
from events.factories import (
    EventIndexPageFactory,
    EventPageFactory,
    OccurrenceFactory,
    RegistrationFactory,
    VenueFactory,
)
from networks.factories import CoordinatorFactory, ProtectionNetworkFactory
from tests.utils import add_child

NUL = "\x00"
#: A value that must never be echoed as it is: escaped, or not at all.
MARKER = "<script>probe()</script>"
RAW_MARKER = "<script>probe()"

#: Text that broke, or could break, a query: NUL (PostgreSQL refuses it),
#: search syntax, control characters, very long text.
ODD_TEXT = [
    "",
    " ",
    NUL,
    f"a{NUL}b",
    NUL * 3,
    MARKER,
    "x" * 3000,
    "'; DROP TABLE x; --",
    '"',
    "*",
    "%",
    "AND OR NOT",
    "\n\r\t",
    "\ud7ff\ufffd\U0010ffff",
]
#: Numbers ``str.isdigit()`` accepts and ``int()`` or a column refuses,
#: and numbers of other forms.
TRAPS = ["²", "\u0661\u0662", "9" * 25]
ODD_NUMBERS = [
    *TRAPS,
    "\uff11",
    "1_000",
    "-1",
    "0",
    "1.5",
    "1e309",
    "nan",
    "inf",
    "9" * 5000,
    "00000000-0000-0000-0000-000000000000",
]
#: The ends of Python's calendar (the day after or the month before is no
#: date), and days and offsets that do not exist.
ENDS = ["9999-12-31", "0001-01-01"]
IMPOSSIBLE = [
    "0000-00-00",
    "2024-02-30",
    "2024-13-01",
    "2024-01-01T25:00:00",
    "2024-01-01T00:00:00+99:00",
    "9999-12-31T23:59:59-12:00",
    "0001-01-01T00:00:00+14:00",
]

#: One value of a query string or a form field: half of them odd ones.
values = st.one_of(
    st.sampled_from(ODD_TEXT + ODD_NUMBERS + ENDS + IMPOSSIBLE),
    st.one_of(
        st.text(max_size=40),
        st.integers(min_value=-(10**30), max_value=10**30).map(str),
        st.dates().map(lambda day: day.isoformat()),
        st.datetimes(timezones=st.timezones()).map(lambda moment: moment.isoformat()),
        st.text(st.characters(categories=["Nd", "No"]), min_size=1, max_size=6),
        st.text(max_size=20).map(lambda text: f"{text}{MARKER}"),
    ),
)
#: A value where text is expected: often with a NUL.
texts = st.one_of(
    st.sampled_from(ODD_TEXT),
    st.text(max_size=10).map(lambda text: f"{text}{NUL}{text}"),
    values,
)
#: A value where a date is expected: often one at an end of the calendar
#: or one that does not exist.
dates = st.one_of(
    st.sampled_from(ENDS),
    st.sampled_from(ENDS),
    st.sampled_from(IMPOSSIBLE),
    st.sampled_from(IMPOSSIBLE),
    st.dates().map(lambda day: day.isoformat()),
    values,
)
#: A value where a whole number is expected: often a trap.
numbers = st.one_of(
    st.sampled_from(TRAPS),
    st.sampled_from(TRAPS),
    st.sampled_from(ODD_NUMBERS),
    st.integers(min_value=-(10**30), max_value=10**30).map(str),
    values,
)
#: A year and a month of the calendar's address: often an end.
months = st.one_of(
    st.sampled_from([(1, 1), (1, 12), (9998, 12), (9999, 12), (2030, 0), (2030, 13)]),
    st.sampled_from([(1899, 12), (1900, 1), (2999, 12), (3000, 1)]),
    st.tuples(st.integers(0, 10**25), st.integers(0, 10**25)),
    st.tuples(st.integers(0, 10_000), st.integers(0, 14)),
)


def query(
    names, *, date_names=(), number_names=(), unknown=True
) -> st.SearchStrategy[dict]:
    """A query string with each of ``names``, ``date_names`` and
    ``number_names`` (and, with ``unknown``, two names the page does not
    read) or not, with one value or several: dates for ``date_names``, whole
    numbers for ``number_names``, text for the others."""

    def one(name):
        if name in date_names:
            kind = dates
        elif name in number_names:
            kind = numbers
        else:
            kind = texts
        return st.one_of(kind, kind, kind, st.lists(kind, min_size=1, max_size=3))

    extra = ["utm_source", "zz"] if unknown else []
    every = dict.fromkeys([*names, *date_names, *number_names, *extra])
    return st.fixed_dictionaries({}, optional={name: one(name) for name in every})


@st.composite
def form(draw, valid: dict, number_names=()) -> dict:
    """A form's POST body: the ``valid`` one with some fields replaced by
    odd values (whole numbers for ``number_names``) or dropped. The
    honeypot (``website``) stays empty, so the form itself is exercised and
    not the spam path."""
    names = [name for name in valid if name != "website"]
    data = dict(valid)
    for name in draw(st.lists(st.sampled_from(names), unique=True)):
        kind = numbers if name in number_names else values
        value = draw(st.one_of(kind, kind, st.lists(kind, max_size=3), st.none()))
        if value is None:
            data.pop(name)
        else:
            data[name] = value
    return data


def assert_answered(response, *allowed):
    """Not a server error; an allowed status; never the marker raw. (The
    statuses are counted: ``--hypothesis-show-statistics``.)"""
    if currently_in_test_context():
        event(f"answered {response.status_code}")
    assert response.status_code != 500
    if allowed:
        assert response.status_code in allowed, response.status_code
    if not getattr(response, "streaming", False):
        assert RAW_MARKER not in response.content.decode(errors="replace")


def counts(*models: type[Model]) -> dict[str, int]:
    return {model.__name__: model.objects.count() for model in models}


# --- One small site -------------------------------------------------------------


def build_site() -> dict:
    """The pages and records every listing and form needs: a calendar with
    an upcoming date open for registration and a past one, the directory
    with two services, a campaign with a pledge and a protection network."""
    home = HomePage.objects.get(locale__language_code="es", depth=2)
    calendar = add_child(home, EventIndexPageFactory.build())
    venue = VenueFactory(municipality="Tapachula", state="chiapas")
    event = add_child(
        calendar,
        EventPageFactory.build(title="Taller de murales", slug="murales", venue=venue),
    )
    start = (timezone.now() + timedelta(days=3)).replace(microsecond=0)
    upcoming = OccurrenceFactory(
        page=event, start=start, end=start + timedelta(hours=2), capacity=50
    )
    past = start - timedelta(days=30)
    OccurrenceFactory(page=event, start=past, end=past + timedelta(hours=2))
    RegistrationFactory(occurrence=upcoming, name="Ana Gómez", code="ANA234")

    directory = add_child(home, DirectoryIndexPageFactory.build())
    shelter = ServiceFactory(
        name="Albergue Belén", slug="albergue-belen", location__municipality="Tapachula"
    )
    ServiceFactory(
        name="Comedor Arriaga", location__municipality="Arriaga", types=["food"]
    )
    campaigns = add_child(home, CampaignIndexPageFactory.build())
    campaign = add_child(
        campaigns,
        CampaignPageFactory.build(
            title="Aquí cabemos todas",
            slug="aqui-cabemos",
            pledge_enabled=True,
            pledge_text="Me comprometo a tratar con respeto a las personas migrantes.",
        ),
    )
    network = ProtectionNetworkFactory(
        name="Red Tapachula",
        slug="red-tapachula",
        municipality="Tapachula",
        coordinators=[CoordinatorFactory(username="ana")],
    )
    return {
        "calendar": calendar,
        "occurrence": upcoming,
        "directory": directory,
        "service": shelter,
        "campaign": campaign,
        "network": network,
    }


class SiteTestCase(TestCase):
    """A test case on :func:`build_site`, built once for the class; each
    generated input runs in its own transaction, rolled back after it. The
    campaign's image lives in the class's own media folder."""

    @classmethod
    def setUpTestData(cls):
        cls.media = tempfile.mkdtemp(prefix="any-input-")
        with override_settings(MEDIA_ROOT=cls.media):
            cls.site = build_site()

    @classmethod
    def tearDownClass(cls):
        super().tearDownClass()
        shutil.rmtree(cls.media, ignore_errors=True)

    @pytest.fixture(autouse=True)
    def _class_media(self, settings):
        settings.MEDIA_ROOT = self.media
