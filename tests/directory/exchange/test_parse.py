"""How values of partners' HSDS files are read: schedules, taxonomy terms,
languages, costs, phones, dates, alerts, states and confidentiality."""

import uuid
from datetime import datetime, time
from zoneinfo import ZoneInfo

import pytest

from convivir.common import iso639
from directory import hsds
from directory.exchange.terms import read_taxonomy_map
from directory.models import TaxonomyTerm
from tests.directory.exchange.helpers import one, parsed, place, record

pytestmark = pytest.mark.django_db

DAYS = "MO,TU,WE,TH,FR,SA,SU"


def schedule(**fields) -> dict:
    return {"id": str(uuid.uuid4()), "freq": "WEEKLY", "interval": 1, **fields}


def test_a_weekly_schedule_is_one_row_per_day():
    item = schedule(
        byday="MO,TU,WE,TH,FR",
        opens_at="10:00:00",
        closes_at="18:00",
        description="Cerrado en días festivos",
        notes="Comida a las 14:00",
    )
    row, _ = one(record(schedules=[item]))
    assert [
        (s["weekday"], s["opens_at"], s["closes_at"], s["notes"], s["description"])
        for s in row.schedules
    ] == [
        (day, time(10), time(18), "Comida a las 14:00", "Cerrado en días festivos")
        for day in range(5)
    ]
    assert len({s["id"] for s in row.schedules}) == 5
    # The ids are stable: the same file updates the same rows.
    again, _ = one(record(schedules=[item]))
    assert [s["id"] for s in again.schedules] == [s["id"] for s in row.schedules]


def test_one_day_keeps_the_files_id_and_schedules_of_places_count():
    own = schedule(byday="SA", opens_at="09:00", closes_at="13:00")
    at_place = schedule(byday="SU", opens_at="09:00", closes_at="12:00")
    row, _ = one(record(schedules=[own], service_at_locations=[place(), place()]))
    assert [str(s["id"]) for s in row.schedules] == [own["id"]]
    sal = place()
    sal["schedules"] = [at_place]
    row, _ = one(record(service_at_locations=[sal]))
    assert [(s["weekday"], s["closes_at"]) for s in row.schedules] == [(6, time(12))]


@pytest.mark.parametrize(
    "schedules",
    [
        [schedule(byday=DAYS, opens_at="00:00", closes_at="23:59")],
        [schedule(byday=DAYS, opens_at="00:00:00", closes_at="24:00:00")],
        [schedule(byday=DAYS, description="Open 24 hours")],
        [schedule(description="Abierto las 24 horas, todos los días")],
        [
            schedule(byday=day, opens_at="00:00", closes_at="24:00")
            for day in DAYS.split(",")
        ],
    ],
    ids=["23:59", "24:00", "open 24 hours", "abierto las 24 horas", "seven days"],
)
def test_open_24_hours_is_recognised(schedules):
    row, report = one(record(schedules=schedules))
    assert row.service["open_24_hours"] is True
    assert row.schedules == [] and report.warning_lines() == []


def test_a_weekday_24_hour_span_is_hours_not_open_24_hours():
    row, _ = one(
        record(schedules=[schedule(byday="MO", opens_at="00:00", closes_at="24:00")])
    )
    assert row.service["open_24_hours"] is False
    assert [(s["opens_at"], s["closes_at"]) for s in row.schedules] == [
        (time(0), time(23, 59))
    ]


@pytest.mark.parametrize(
    ("fields", "line"),
    [
        (
            {"freq": "MONTHLY", "byday": "1MO"},
            "schedule repeats freq MONTHLY interval 1: only weekly hours can be "
            "kept; schedule {id} is not imported ({record}; field freq; found: "
            "freq MONTHLY interval 1; accepted: freq WEEKLY with interval 1 (or "
            "neither))",
        ),
        (
            {"interval": 2, "byday": "MO"},
            "schedule repeats freq WEEKLY interval 2: only weekly hours can be kept",
        ),
        (
            {"byday": "MO,XX", "opens_at": "09:00", "closes_at": "10:00"},
            "unknown schedule day 'XX'; schedule {id} is not imported ({record}; "
            "field byday; found: MO,XX; accepted: byday with RFC 5545 days: "
            "MO,TU,WE,TH,FR,SA,SU)",
        ),
        (
            {"byday": "MO", "opens_at": "9 am", "closes_at": "10:00"},
            "invalid opens_at '9 am'; schedule {id} is not imported ({record}; "
            "field opens_at; found: 9 am; accepted: a time of day, 10:00 or 10:00:00)",
        ),
        (
            {"opens_at": "09:00", "closes_at": "10:00"},
            "schedule has no days; schedule {id} is not imported",
        ),
        (
            {"byday": "MO", "closes_at": "10:00"},
            "missing opens_at; schedule {id} is not imported ({record}; field "
            "opens_at; accepted: a time of day, 10:00 or 10:00:00)",
        ),
        (
            {"byday": "MO", "opens_at": "09:00", "closes_at": "09:00"},
            "schedule opens and closes at 09:00",
        ),
    ],
    ids=[
        "monthly",
        "fortnightly",
        "unknown day",
        "bad time",
        "no days",
        "no opening time",
        "no span",
    ],
)
def test_a_schedule_the_directory_cannot_keep_is_reported(fields, line):
    item = schedule(**fields)
    data = record(schedules=[item])
    row, report = one(data)
    assert row.schedules == []
    expected = line.format(
        id=item["id"], record=f'service {data["id"]} "Comedor San Vicente"'
    )
    assert any(expected in w for w in report.warning_lines()), report.warning_lines()


def _term(code):
    return TaxonomyTerm.objects.get(code=code, taxonomy__key="service_type")


@pytest.mark.parametrize(
    "attribute",
    [
        {"taxonomy_term_id": "OURS"},
        {"taxonomy_term": {"id": "x", "code": "legal_aid"}},
        {"taxonomy_term": {"name": "asesoria juridica"}},
        {"taxonomy_term": {"name": "Legal aid"}},
        {"taxonomy_term": {"code": "LEGAL", "name": "Asesoría Jurídica"}},
    ],
    ids=["our id", "code", "Spanish name", "English name", "their code, our name"],
)
def test_terms_are_matched_by_id_code_or_name(attribute):
    if attribute.get("taxonomy_term_id") == "OURS":
        attribute = {"taxonomy_term_id": str(_term("legal_aid").id)}
    row, report = one(record(attributes=[{"id": str(uuid.uuid4()), **attribute}]))
    assert [t.code for t in row.service_types] == ["legal_aid"]
    assert report.warning_lines() == []


def test_a_term_in_both_taxonomies_follows_the_link_type():
    row, _ = one(
        record(
            attributes=[
                {"link_type": "population", "taxonomy_term": {"code": "lgbtiq"}}
            ]
        )
    )
    assert [t.taxonomy.key for t in row.populations] == ["population"]
    assert row.service_types == []


@pytest.mark.parametrize(
    ("name", "content"),
    [
        (
            "map.csv",
            "their code,our code\nALB-01,shelter\n"
            "NNA,population:unaccompanied_children\n",
        ),
        (
            "map.json",
            '{"ALB-01": "shelter", "NNA": "population:unaccompanied_children"}',
        ),
    ],
)
def test_a_taxonomy_map_turns_their_codes_into_ours(tmp_path, name, content):
    (tmp_path / name).write_text(content)
    mapping = read_taxonomy_map(tmp_path / name)
    data = record(
        attributes=[
            {"taxonomy_term": {"code": "ALB-01", "name": "Casa de acogida"}},
            {"taxonomy_term": {"code": "nna"}},
        ]
    )
    row, report = one(data, taxonomy_map=mapping)
    assert [t.code for t in row.service_types] == ["shelter"]
    assert [t.code for t in row.populations] == ["unaccompanied_children"]
    assert report.warning_lines() == []


def test_an_unknown_term_is_a_warning_naming_the_accepted_codes():
    data = record(
        attributes=[{"taxonomy_term": {"code": "ALB-01", "name": "Casa de acogida"}}]
    )
    rows, report = parsed(data)
    assert rows and rows[0].service_types == []
    [line] = report.warning_lines()
    assert line.startswith(
        "row 1: unknown taxonomy term 'ALB-01' \"Casa de acogida\": the service is "
        f'imported without it (service {data["id"]} "Comedor San Vicente"; field '
        "attributes; found: ALB-01; accepted: "
    )
    assert "service_type: shelter, food, health" in line
    assert "population: adults, families" in line
    assert line.endswith("(by id, code or name; or map yours with --taxonomy-map))")


def test_languages_by_iso_639_1_or_639_3():
    codes = [
        "spa",
        "eng",
        "fra",
        "hat",
        "por",
        "tzo",
        "tzh",
        "mam",
        "quc",
        "zai",
        "ctu",
        "kek",
        "nhe",
        "ES",
    ]
    row, report = one(record(languages=[{"code": c} for c in codes]))
    assert row.service["languages"] == [
        "es", "en", "fr", "ht", "pt", "tzo", "tzh", "mam", "quc", "zai", "ctu",
        "kek", "nhe",
    ]  # fmt: skip
    assert iso639.name("nhe") and iso639.name("kek")
    assert report.warning_lines() == []


def test_an_unknown_language_is_a_warning_naming_it():
    data = record(languages=[{"code": "spa"}, {"code": "xx9", "name": "Lengua X"}])
    row, report = one(data)
    assert row.service["languages"] == ["es"]
    assert report.warning_lines() == [
        "row 1: unknown language code 'xx9' (\"Lengua X\"); the service is imported "
        f'without it (service {data["id"]} "Comedor San Vicente"; field languages; '
        "found: xx9; accepted: ISO 639-1 or ISO 639-3 codes (es, spa, tzo, mam))"
    ]


@pytest.mark.parametrize(
    "fields",
    [
        {"fees_description": "Gratuito"},
        {"fees_description": "Servicio gratuito."},
        {"fees_description": "GRATIS"},
        {"fees_description": "Sin costo"},
        {"fees_description": "sin cargo"},
        {"fees_description": "Free"},
        {"fees_description": "No cost"},
        {"cost_options": [{"option": "Consulta", "amount": 0, "currency": "MXN"}]},
        {"cost_options": [{"option": "Gratis"}]},
        {},
    ],
)
def test_free_in_spanish_or_english(fields):
    row, _ = one(record(**fields))
    assert (row.service["is_free"], row.service["fees_description"]) == (True, "")


@pytest.mark.parametrize(
    ("fields", "fees"),
    [
        (
            {"fees_description": "Cuota de recuperación de $50"},
            "Cuota de recuperación de $50",
        ),
        (
            {
                "fees_description": "Cooperación voluntaria",
                "cost_options": [
                    {
                        "option": "Consulta",
                        "amount": "80.50",
                        "currency": "mxn",
                        "amount_description": "por consulta",
                    },
                    {"option": "Niñas y niños", "amount": 0},
                ],
            },
            "Cooperación voluntaria\nConsulta: 80.50 MXN por consulta",
        ),
        ({"cost_options": [{"amount": 150, "currency": "MXN"}]}, "150 MXN"),
    ],
)
def test_a_cost_is_composed_from_the_text_and_the_options(fields, fees):
    row, _ = one(record(**fields))
    assert (row.service["is_free"], row.service["fees_description"]) == (False, fees)


def test_phones_type_extension_and_whatsapp():
    phones = [
        {
            "id": str(uuid.uuid4()),
            "number": '"+44 1234 234567"',
            "extension": 100,
            "type": "fax",
        },
        {
            "id": str(uuid.uuid4()),
            "number": "962 111 2233",
            "type": "cell",
            "description": "Solo WhatsApp",
        },
        {
            "id": str(uuid.uuid4()),
            "number": "+52 962 111 2244",
            "convivir": {"whatsapp": True},
            "description": "Recepción WhatsApp",
        },
        {"id": str(uuid.uuid4()), "number": "+52 962 111 2255", "type": "satellite"},
    ]
    data = record(phones=phones)
    row, report = one(data)
    assert [
        (p["number"], p["extension"], p["kind"], p["description"], p["whatsapp"])
        for p in row.phones
    ] == [
        ("+441234234567", "100", "fax", "", False),
        ("+529621112233", "", "cell", "Solo WhatsApp", True),
        ("+529621112244", "", "voice", "Recepción", True),
        ("+529621112255", "", "voice", "", False),
    ]
    assert report.warning_lines() == [
        "row 1: unknown phone type 'satellite'; imported as voice (service "
        f'{data["id"]} "Comedor San Vicente"; field phones.type; found: satellite; '
        "accepted: voice, cell, text, fax, video, pager, textphone)"
    ]


def test_verification_alert_ages_and_english_text():
    row, _ = one(
        record(
            assured_date="2025-05-20",
            assurer_email="revision@red.example",
            alert="Cerrado por obras esta semana.",
            alternate_name="Saint Vincent Kitchen",
            minimum_age="12",
            maximum_age=17,
            convivir={
                "text_en": {"description": "Hot meals.", "fees_description": "None"}
            },
        )
    )
    service = row.service
    assert service["last_verified_at"] == datetime(
        2025, 5, 20, tzinfo=ZoneInfo("America/Mexico_City")
    )
    assert service["verified_by_name"] == "revision@red.example"
    assert (service["alert"], service["status"]) == (
        "Cerrado por obras esta semana.",
        "open",
    )
    assert (
        service["alternate_name"],
        service["minimum_age"],
        service["maximum_age"],
    ) == (
        "Saint Vincent Kitchen",
        12,
        17,
    )
    assert (service["description_en"], service["fees_description_en"]) == (
        "Hot meals.",
        "None",
    )
    row, _ = one(record(assured_date="2025-05-20T16:00:00Z"))
    assert row.service["last_verified_at"] == datetime(
        2025, 5, 20, 16, tzinfo=ZoneInfo("UTC")
    )


def test_the_portals_full_alert_means_full():
    row, _ = one(record(alert=hsds.FULL_ALERT))
    assert (row.service["status"], row.service["alert"]) == ("full", "")
    row, _ = one(record(status="temporarily closed"))
    assert row.service["status"] == "temporarily_closed"


def test_bad_dates_and_ages_are_warnings():
    data = record(assured_date="ayer", minimum_age="doce")
    row, report = one(data)
    assert "last_verified_at" not in row.service and row.service["minimum_age"] is None
    assert report.warning_lines()[1] == (
        "row 1: invalid assured_date 'ayer'; the service is imported without it "
        f'(service {data["id"]} "Comedor San Vicente"; field assured_date; found: '
        "ayer; accepted: a date (2025-03-01) or date and time (2025-03-01T10:00:00Z))"
    )
    assert "invalid minimum_age 'doce'" in report.warning_lines()[0]
    assert "accepted: a whole number from 0 to 130" in report.warning_lines()[0]


@pytest.mark.parametrize(
    ("written", "state"),
    [
        ("Chiapas", "chiapas"),
        ("CHIAPAS", "chiapas"),
        ("Chis.", "chiapas"),
        ("CHP", "chiapas"),
        ("Estado de Chiapas", "chiapas"),
        ("oaxaca", "oaxaca"),
        ("Oax.", "oaxaca"),
        ("OAX", "oaxaca"),
        ("Tabasco", "tabasco"),
        ("Tab.", "tabasco"),
        ("TÁBASCO", "tabasco"),
    ],
)
def test_states_by_name_or_abbreviation(written, state):
    row, report = one(record(service_at_locations=[place(state_province=written)]))
    assert row.locations[0]["state"] == state
    assert report.warning_lines() == []


def test_another_state_or_country_keeps_the_place_with_a_warning():
    data = record(service_at_locations=[place(state_province="Yucatán", country="GT")])
    row, report = one(data)
    assert (row.locations[0]["state"], row.locations[0]["municipality"]) == (
        "",
        "Tapachula",
    )
    record_part = f'service {data["id"]} "Comedor San Vicente"'
    assert report.warning_lines() == [
        "row 1: unknown state 'Yucatán'; location \"Casa\" is imported with no "
        f"state ({record_part}; field state_province; found: Yucatán; accepted: "
        "Chiapas, Oaxaca or Tabasco (or Chis., CHP, Oax., Tab.))",
        f'row 1: location "Casa" is outside Mexico; it is imported as it is '
        f"({record_part}; field country; found: GT; accepted: MX)",
    ]


def test_only_the_portals_extension_says_whether_a_place_is_confidential():
    # Without it the directory's flag stays as it is (a new place is public).
    plain, secret, public = place(), place(), place()
    secret["location"]["convivir"] = {"confidential": True}
    public["location"]["convivir"] = {"confidential": False}
    row, _ = one(record(service_at_locations=[plain, secret, public]))
    assert [loc.get("is_confidential") for loc in row.locations] == [None, True, False]


def test_a_virtual_place_or_a_place_without_city_is_reported():
    online, nowhere = place(), place()
    online["location"]["location_type"] = "virtual"
    nowhere["location"]["addresses"] = []
    data = record(service_at_locations=[online, nowhere])
    row, report = one(data)
    assert [loc["municipality"] for loc in row.locations] == [""]
    record_part = f'service {data["id"]} "Comedor San Vicente"'
    assert report.warning_lines() == [
        'row 1: location "Casa" is virtual; the directory lists places people can '
        f"go to; it is not imported ({record_part}; field location_type; found: "
        "virtual; accepted: physical or postal places)",
        'row 1: location "Casa" has no city; it is imported without one; add it in '
        f"the admin ({record_part}; field city; accepted: the municipality in the "
        "address's city)",
    ]
