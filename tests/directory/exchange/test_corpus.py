"""A partner's directory of the corridor (three organisations in Chiapas,
Oaxaca and Tabasco, written by another tool: standard HSDS only) imports
with no loss in each shape HSDS files come in: the nested list, one service
object, and the tabular package with ``datapackage.json``. Every field is
checked in the database."""

from datetime import datetime, time
from decimal import Decimal
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from directory.exchange import import_path
from directory.models import Service

pytestmark = pytest.mark.django_db

FILES = Path(__file__).parent / "files"
MEXICO = ZoneInfo("America/Mexico_City")
ALBERGUE = "bdb825b1-f4f8-53ea-906c-4878dba241aa"
COMEDOR = "77af0642-2746-5f7f-a5c1-996e34845b95"
REFUGIO = "51db4104-72c5-5f59-9b7a-4d8b899f78d0"
JURIDICA = "42b0228a-bfdf-55cb-879c-2679cd1ee146"
DIA = "eb18348b-705d-5c30-a1e5-124a91d42608"

TAPACHULA = {
    "name": "Casa Belén",
    "description": "Casa de dos pisos junto a la parroquia.",
    "transportation": "Combi ruta 5 desde el parque central, bajar en la iglesia.",
    "address_1": "Calle 8a Norte 112",
    "address_2": "Centro",
    "postal_code": "30700",
    "municipality": "Tapachula",
    "state": "chiapas",
    "latitude": Decimal("14.905600"),
    "longitude": Decimal("-92.263100"),
    "accessibility": "Rampa de acceso y baño adaptado en planta baja.",
    "is_confidential": False,
}
BLANK = {
    "alternate_name": "",
    "url": "",
    "email": "",
    "alert": "",
    "eligibility_description": "",
    "application_process": "",
    "interpretation_services": "",
    "minimum_age": None,
    "maximum_age": None,
    "is_free": True,
    "fees_description": "",
    "open_24_hours": False,
    "status": "open",
}
EXPECTED = {
    ALBERGUE: {
        "service": {
            **BLANK,
            "name": "Albergue Belén",
            "alternate_name": "Belén Shelter",
            "description": "Albergue temporal para familias y personas adultas en "
            "tránsito. Hasta 7 noches.",
            "url": "https://belen.example/albergue",
            "email": "albergue@belen.example",
            "alert": "Se requiere identificación para ingresar.",
            "eligibility_description": "Personas adultas y familias migrantes.",
            "application_process": "Llegar antes de las 19:00 y registrarse en "
            "recepción.",
            "interpretation_services": "Intérpretes voluntarios de tsotsil, tseltal "
            "y mam los fines de semana.",
            "minimum_age": 18,
            "languages": ["es", "tzo", "tzh", "mam", "ht"],
            "last_verified_at": datetime(2025, 5, 20, tzinfo=MEXICO),
            "verified_by_name": "coordinacion@belen.example",
        },
        "organization": ("Casa del Migrante Belén", "contacto@belen.example"),
        "service_types": {"shelter"},
        "populations": {"families", "adults"},
        "phones": [
            ("+529626250000", "12", "voice", "Recepción", False),
            ("+529621112233", "", "cell", "WhatsApp de recepción", True),
        ],
        "schedules": [
            *(
                (day, time(8), time(20), "", "Cerrado en días festivos.")
                for day in range(5)
            ),
            (5, time(9), time(14), "Solo registro de nuevas llegadas.", ""),
        ],
        "documents": ["Identificación o constancia de COMAR", "CURP, si la tiene"],
        "contacts": [("Hermana Lucía Gómez", "Coordinadora", "lucia@belen.example")],
        "locations": [(TAPACHULA, "Tocar el timbre del portón.")],
    },
    COMEDOR: {
        "service": {
            **BLANK,
            "name": "Comedor Belén",
            "description": "Comida caliente a mediodía.",
            "languages": ["es", "quc"],
            "last_verified_at": datetime(2025, 4, 2, tzinfo=MEXICO),
            "verified_by_name": "comedor@belen.example",
        },
        "organization": ("Casa del Migrante Belén", "contacto@belen.example"),
        "service_types": {"food"},
        "populations": set(),
        "phones": [],
        "schedules": [(day, time(13), time(15), "", "") for day in (0, 2, 4)],
        "documents": [],
        "contacts": [],
        "locations": [(TAPACHULA, "")],
    },
    REFUGIO: {
        "service": {
            **BLANK,
            "name": "Refugio Istmo",
            "alternate_name": "Isthmus Refuge",
            "description": "Refugio para mujeres que viajan solas o con sus hijas e "
            "hijos.",
            "eligibility_description": "Mujeres y sus hijas e hijos.",
            "alert": "Llamar antes de llegar: la dirección se da por teléfono.",
            "open_24_hours": True,
            "languages": ["zai", "es"],
            "last_verified_at": datetime(2025, 6, 11, 15, 15, tzinfo=ZoneInfo("UTC")),
            "verified_by_name": "refugio@istmo.example",
        },
        "organization": ("Colectivo Istmeñas", "istmenas@istmo.example"),
        "service_types": {"gbv_protection"},
        "populations": {"women"},
        "phones": [
            (
                "+529715550200",
                "",
                "cell",
                "Línea 24 horas, también por WhatsApp",
                True,
            )
        ],
        "schedules": [],
        "documents": [],
        "contacts": [],
        "locations": [
            (
                {
                    "name": "Casa Istmeñas",
                    "description": "Portón verde frente a la cancha.",
                    "transportation": "Mototaxi desde el mercado.",
                    "address_1": "Avenida Efraín R. Gómez 45",
                    "address_2": "Cuarta Sección",
                    "postal_code": "70000",
                    "municipality": "Juchitán de Zaragoza",
                    "state": "oaxaca",
                    "latitude": Decimal("16.433600"),
                    "longitude": Decimal("-95.019400"),
                    "accessibility": "Sin escalones en la entrada.",
                    "is_confidential": False,
                },
                "",
            )
        ],
    },
    JURIDICA: {
        "service": {
            **BLANK,
            "name": "Asesoría jurídica Istmo",
            "description": "Acompañamiento en solicitudes de asilo y regularización.",
            "application_process": "Pedir cita por teléfono.",
            "is_free": False,
            "fees_description": "Cuota de recuperación\n"
            "Trámite de CURP: 150 MXN por trámite",
            "languages": ["es", "ctu", "kek"],
            "last_verified_at": datetime(2025, 3, 15, tzinfo=MEXICO),
            "verified_by_name": "juridico@istmo.example",
        },
        "organization": ("Colectivo Istmeñas", "istmenas@istmo.example"),
        "service_types": {"legal_aid", "asylum"},
        "populations": set(),
        "phones": [("+529717130101", "3", "voice", "", False)],
        "schedules": [
            (day, time(10), time(14), "", "Atención con cita.") for day in (1, 3)
        ],
        "documents": [],
        "contacts": [],
        "locations": [
            (
                {
                    "name": "Oficina jurídica Ixtepec",
                    "description": "",
                    "transportation": "A dos cuadras de la estación del tren.",
                    "address_1": "Calle Hidalgo 3",
                    "address_2": "Barrio San Jerónimo",
                    "postal_code": "70110",
                    "municipality": "Ciudad Ixtepec",
                    "state": "oaxaca",
                    "latitude": Decimal("16.563000"),
                    "longitude": Decimal("-95.100000"),
                    "accessibility": "Oficina en planta baja.",
                    "is_confidential": False,
                },
                "",
            )
        ],
    },
    DIA: {
        "service": {
            **BLANK,
            "name": "Centro de Día Tenosique",
            "description": "Espacio de descanso, regaderas y carga de teléfonos.",
            "eligibility_description": "Adolescentes no acompañados.",
            "alert": "Cupo limitado en temporada de lluvias.",
            "minimum_age": 12,
            "maximum_age": 17,
            "open_24_hours": True,
            "languages": ["en", "fr", "pt", "es"],
            "last_verified_at": datetime(2025, 7, 1, tzinfo=MEXICO),
            "verified_by_name": "dia@tenosique.example",
        },
        "organization": ("Red de Apoyo Tenosique", "red@tenosique.example"),
        "service_types": {"child_protection"},
        "populations": {"unaccompanied_children"},
        "phones": [("+529343420099", "", "cell", "WhatsApp", True)],
        "schedules": [],
        "documents": ["Ninguno"],
        "contacts": [],
        "locations": [
            (
                {
                    "name": "Centro de Día La 72",
                    "description": "Centro de día con patio techado.",
                    "transportation": "Frente a las vías del tren.",
                    "address_1": "Calle 33 s/n",
                    "address_2": "Colonia Estación",
                    "postal_code": "86901",
                    "municipality": "Tenosique de Pino Suárez",
                    "state": "tabasco",
                    "latitude": Decimal("17.472600"),
                    "longitude": Decimal("-91.423100"),
                    "accessibility": "Acceso con silla de ruedas por el patio.",
                    "is_confidential": False,
                },
                "Entrada por el patio.",
            )
        ],
    },
}


def stored(service_id: str) -> dict:
    """Everything the directory holds of one service, as EXPECTED has it."""
    service = Service.objects.get(pk=service_id)
    return {
        "service": {
            name: getattr(service, name) for name in EXPECTED[service_id]["service"]
        },
        "organization": (service.organization.name, service.organization.email),
        "service_types": {t.code for t in service.service_types.all()},
        "populations": {t.code for t in service.populations.all()},
        "phones": [
            (p.number, p.extension, p.kind, p.description, p.whatsapp)
            for p in service.phones.order_by("sort_order")
        ],
        "schedules": sorted(
            (s.weekday, s.opens_at, s.closes_at, s.notes, s.description)
            for s in service.schedules.all()
        ),
        "documents": [
            d.document for d in service.required_documents.order_by("sort_order")
        ],
        "contacts": [
            (c.name, c.title, c.email) for c in service.contacts.order_by("sort_order")
        ],
        "locations": [
            (
                {name: getattr(sal.location, name) for name in TAPACHULA},
                sal.description,
            )
            for sal in service.service_at_locations.order_by("sort_order")
        ],
    }


def _expected(service_id: str) -> dict:
    data = dict(EXPECTED[service_id])
    data["schedules"] = sorted(data["schedules"])
    return data


@pytest.mark.parametrize(
    "path",
    [FILES / "corpus", FILES / "corpus" / "services.json", FILES / "corpus_tabular"],
    ids=["package folder", "services.json", "tabular package"],
)
def test_corpus_imports_with_no_loss(path):
    report = import_path(path)
    assert report.lines() == []
    assert report.warning_lines() == []
    assert (report.created, report.updated, report.rows) == (5, 0, 5)
    for service_id in EXPECTED:
        assert stored(service_id) == _expected(service_id), service_id


def test_tabular_package_is_read_through_its_datapackage_file():
    report = import_path(FILES / "corpus_tabular" / "datapackage.json")
    assert report.lines() == [] and report.created == 5
    assert stored(JURIDICA) == _expected(JURIDICA)


def test_one_service_object_imports_with_no_loss():
    report = import_path(FILES / "albergue_belen.json")
    assert report.lines() == [] and report.warning_lines() == []
    assert report.created == 1
    assert stored(ALBERGUE) == _expected(ALBERGUE)


def test_importing_again_changes_nothing():
    import_path(FILES / "corpus")
    before = {service_id: stored(service_id) for service_id in EXPECTED}
    report = import_path(FILES / "corpus_tabular")
    assert report.lines() == [] and report.created == 0
    assert {service_id: stored(service_id) for service_id in EXPECTED} == before
