"""Demo content: the "Find help" page in Spanish and English and about forty
fictional services along the corridor (shelters, soup kitchens, clinics,
legal aid…), a few confidential, a few not verified for a long time.
Every name, address and phone number is invented; the phone numbers use the
555 range."""

import uuid
from datetime import time, timedelta

from django.utils import timezone
from django.utils.text import slugify

from wagtail.models import Locale

from convivir.demo.base import child_page, demo_loaders, ensure_menu_link, paragraphs
from convivir.demo.localize import is_translated, translate
from convivir.models import HomePage
from directory.models import (
    Contact,
    DirectoryIndexPage,
    Location,
    Organization,
    Phone,
    RequiredDocument,
    Schedule,
    Service,
    ServiceAtLocation,
    TaxonomyTerm,
)

NAMESPACE = uuid.UUID("a4d7c2f0-3b1e-4e55-8c7a-96b0f1d2e3c4")

# Town: (state, latitude, longitude, area code)
TOWNS = {
    "Tapachula": ("chiapas", 14.9050, -92.2630, "962"),
    "Ciudad Hidalgo": ("chiapas", 14.6790, -92.1510, "962"),
    "Huixtla": ("chiapas", 15.1390, -92.4650, "964"),
    "Arriaga": ("chiapas", 16.2360, -93.9000, "966"),
    "Tuxtla Gutiérrez": ("chiapas", 16.7530, -93.1160, "961"),
    "San Cristóbal de las Casas": ("chiapas", 16.7370, -92.6380, "967"),
    "Palenque": ("chiapas", 17.5090, -91.9820, "916"),
    "Ciudad Ixtepec": ("oaxaca", 16.5610, -95.1010, "971"),
    "Juchitán de Zaragoza": ("oaxaca", 16.4330, -95.0200, "971"),
    "Matías Romero": ("oaxaca", 16.8790, -95.0390, "972"),
    "Tenosique": ("tabasco", 17.4740, -91.4230, "934"),
    "Villahermosa": ("tabasco", 17.9890, -92.9470, "993"),
}

# What each kind of service offers, for whom, when and what to bring.
KINDS = {
    "albergue": {
        "types": ["shelter", "food", "hygiene", "communication"],
        "populations": ["adults", "families", "women"],
        "description": "Alojamiento de hasta tres noches, cena y desayuno, "
        "regaderas, ropa limpia, "
        "teléfono y carga de celulares. Orientación sobre trámites y rutas seguras.",
        "description_en": "A place to stay for up to three nights, supper and "
        "breakfast, showers, clean clothes, a phone and phone charging. Advice on "
        "procedures and safe routes.",
        "eligibility": "Personas migrantes, solicitantes de asilo y sus familias.",
        "eligibility_en": "Migrants, asylum seekers and their families.",
        "process": "Llega antes de las 19:00 y pregunta en la recepción.",
        "process_en": "Arrive before 7 pm and ask at the front desk.",
        "documents": ["Ninguno: te reciben aunque no tengas papeles"],
        "hours": "24h",
        "capacity": 80,
        "languages": ["es", "en", "fr", "ht"],
    },
    "comedor": {
        "types": ["food", "hygiene"],
        "populations": ["adults", "families"],
        "description": "Comida caliente al mediodía, agua potable y artículos de "
        "higiene.",
        "description_en": "A hot meal at midday, drinking water and hygiene items.",
        "eligibility": "Cualquier persona en tránsito.",
        "eligibility_en": "Anyone in transit.",
        "process": "Sin registro previo: llega en el horario.",
        "process_en": "No registration: come during the opening hours.",
        "documents": [],
        "hours": [(day, time(12), time(15)) for day in range(6)],
        "hours_description": "Cerrado los días festivos.",
        "languages": ["es"],
    },
    "clinica": {
        "types": ["health", "mental_health"],
        "populations": ["adults", "families", "women", "disabilities"],
        "description": "Consulta médica general, curación de heridas y pies, "
        "atención psicológica "
        "y entrega de medicamentos básicos.",
        "description_en": "General medical consultations, care for wounds and "
        "feet, psychological support and basic medicines.",
        "eligibility": "Personas en tránsito y población local sin seguridad social.",
        "eligibility_en": "People in transit and local people without social security.",
        "process": "Turnos por orden de llegada; urgencias en todo momento.",
        "process_en": "First come, first served; emergencies at any time.",
        "documents": ["Identificación, si la tienes"],
        "hours": [(day, time(8), time(16)) for day in range(5)],
        "extension": "12",
        "languages": ["es", "en"],
    },
    "juridico": {
        "types": ["legal_aid", "asylum", "documents"],
        "populations": ["adults", "families", "lgbtiq"],
        "description": "Asesoría jurídica gratuita: solicitud de asilo ante la "
        "COMAR, tarjeta de "
        "visitante por razones humanitarias, quejas ante derechos humanos.",
        "description_en": "Free legal advice: asylum applications to COMAR, "
        "humanitarian visitor cards, complaints to the human rights commissions.",
        "eligibility": "Personas migrantes y solicitantes de asilo.",
        "eligibility_en": "Migrants and asylum seekers.",
        "process": "Pide cita por WhatsApp o llega temprano.",
        "process_en": "Ask for an appointment by WhatsApp or come early.",
        "documents": [
            "Cualquier documento que tengas (pasaporte, acta, constancia de la COMAR)",
            "Copias si es posible",
        ],
        "hours": [(day, time(9), time(14)) for day in range(5)],
        "appointment": True,
        "languages": ["es", "fr", "ht"],
        "interpretation": "Intérpretes de francés y criollo haitiano, con cita.",
        "fax": True,
    },
    "ninez": {
        "types": ["child_protection", "education", "mental_health"],
        "populations": ["unaccompanied_children", "families"],
        "description": "Protección y acompañamiento de niñas, niños y adolescentes, "
        "con espacio "
        "amigable, apoyo escolar y canalización con la Procuraduría de Protección.",
        "description_en": "Protection and support for children and teenagers: a "
        "child-friendly space, help with school and referral to the Child "
        "Protection Office.",
        "eligibility": "Niñas, niños y adolescentes, acompañados o no.",
        "eligibility_en": "Children and teenagers, with their families or alone.",
        "ages": (None, 17),
        "process": "Acércate con el personal; nadie te obliga a dar datos que no "
        "quieras.",
        "documents": [],
        "hours": [(day, time(9), time(18)) for day in range(6)],
        "languages": ["es", "en"],
    },
    "refugio": {
        "types": ["shelter", "gbv_protection", "trafficking", "mental_health"],
        "populations": ["women", "families", "lgbtiq"],
        "description": "Refugio especializado para mujeres, personas LGBTIQ+ y "
        "sobrevivientes de "
        "trata o violencia, con acompañamiento psicológico y legal.",
        "description_en": "A specialised refuge for women, LGBTIQ+ people and "
        "survivors of trafficking or violence, with psychological and legal "
        "support.",
        "eligibility": "Por canalización o llamada directa; la dirección se da por "
        "teléfono.",
        "process": "Llama o escribe por WhatsApp a cualquier hora.",
        "process_en": "Call or write on WhatsApp at any time.",
        "documents": [],
        "hours": "24h",
        "capacity": 20,
        "languages": ["es", "en", "fr"],
    },
    "empleo": {
        "types": ["employment", "education", "communication"],
        "populations": ["adults", "women", "indigenous"],
        "description": "Talleres de oficios, bolsa de trabajo con empresas locales, "
        "clases de "
        "español y acceso a internet.",
        "eligibility": "Personas con residencia o trámite en curso.",
        "process": "Inscripción los lunes por la mañana.",
        "documents": ["CURP o constancia de trámite"],
        "hours": [(day, time(10), time(17)) for day in range(5)],
        "languages": ["es"],
    },
    "transporte": {
        "types": ["transport", "communication"],
        "populations": ["families", "disabilities"],
        "description": "Traslado humanitario a hospitales y a oficinas de la COMAR "
        "para personas "
        "con movilidad reducida o familias con niños pequeños.",
        "eligibility": "Con referencia de un albergue o clínica.",
        "process": "Solicítalo por teléfono con un día de anticipación.",
        "documents": [],
        "hours": [(day, time(7), time(19)) for day in range(7)],
        "appointment": True,
        "languages": ["es"],
    },
}

# (organisation, service name, kind, town, options)
ENTRIES = [
    (
        "Casa del Migrante San Juan",
        "Albergue San Juan",
        "albergue",
        "Tapachula",
        {"en": "Saint John Shelter"},
    ),
    (
        "Casa del Migrante San Juan",
        "Comedor San Juan",
        "comedor",
        "Tapachula",
        {"en": "Saint John Soup Kitchen"},
    ),
    (
        "Clínica Comunitaria Las Américas",
        "Consulta médica Las Américas",
        "clinica",
        "Tapachula",
        {"en": "Las Américas Clinic"},
    ),
    (
        "Defensoría Sur, A. C.",
        "Asesoría jurídica Defensoría Sur",
        "juridico",
        "Tapachula",
        {"en": "Defensoría Sur Legal Aid"},
    ),
    (
        "Colectivo Mariposas del Sur",
        "Refugio Mariposas",
        "refugio",
        "Tapachula",
        {"confidential": True},
    ),
    (
        "Espacio Niñez Segura",
        "Espacio amigable para la niñez",
        "ninez",
        "Tapachula",
        {},
    ),
    (
        "Red Mujeres del Soconusco",
        "Oficios y empleo para mujeres",
        "empleo",
        "Tapachula",
        {},
    ),
    (
        "Parroquia de la Frontera",
        "Albergue de la Frontera",
        "albergue",
        "Ciudad Hidalgo",
        {"status": "full", "en": "Border Shelter"},
    ),
    (
        "Parroquia de la Frontera",
        "Comedor del Río Suchiate",
        "comedor",
        "Ciudad Hidalgo",
        {},
    ),
    (
        "Defensoría Sur, A. C.",
        "Módulo jurídico en Ciudad Hidalgo",
        "juridico",
        "Ciudad Hidalgo",
        {},
    ),
    (
        "Hogar del Caminante Huixtla",
        "Albergue del Caminante",
        "albergue",
        "Huixtla",
        {"stale": 200},
    ),
    ("Hogar del Caminante Huixtla", "Comedor del Caminante", "comedor", "Huixtla", {}),
    ("Brigada de Salud Costa", "Brigada médica en Huixtla", "clinica", "Huixtla", {}),
    (
        "Casa Hermanos en el Camino",
        "Albergue Hermanos en el Camino",
        "albergue",
        "Arriaga",
        {},
    ),
    (
        "Casa Hermanos en el Camino",
        "Traslado humanitario Arriaga",
        "transporte",
        "Arriaga",
        {},
    ),
    (
        "Comedor Comunitario La Vía",
        "Comedor La Vía",
        "comedor",
        "Arriaga",
        {"stale": 250},
    ),
    (
        "Centro de Derechos Humanos del Centro",
        "Asesoría jurídica Tuxtla",
        "juridico",
        "Tuxtla Gutiérrez",
        {},
    ),
    (
        "Casa de Acogida Arcoíris",
        "Refugio Arcoíris",
        "refugio",
        "Tuxtla Gutiérrez",
        {"confidential": True},
    ),
    (
        "Clínica del Pueblo Tuxtla",
        "Consulta médica Tuxtla",
        "clinica",
        "Tuxtla Gutiérrez",
        {},
    ),
    (
        "Centro Cultural Jovel",
        "Talleres y empleo Jovel",
        "empleo",
        "San Cristóbal de las Casas",
        {},
    ),
    (
        "Albergue Tsomanotik",
        "Albergue Tsomanotik",
        "albergue",
        "San Cristóbal de las Casas",
        {"languages": ["es", "tzo", "tzh"]},
    ),
    (
        "Colectivo de Psicología Comunitaria",
        "Escucha y apoyo psicosocial",
        "clinica",
        "San Cristóbal de las Casas",
        {"stale": 190},
    ),
    (
        "Casa del Peregrino Palenque",
        "Albergue del Peregrino",
        "albergue",
        "Palenque",
        {},
    ),
    ("Casa del Peregrino Palenque", "Comedor del Peregrino", "comedor", "Palenque", {}),
    ("Espacio Niñez Segura", "Niñez segura Palenque", "ninez", "Palenque", {}),
    (
        "Hermanas de la Misericordia",
        "Albergue Hermanas en el Camino",
        "albergue",
        "Ciudad Ixtepec",
        {"status": "full"},
    ),
    (
        "Hermanas de la Misericordia",
        "Comedor de las Hermanas",
        "comedor",
        "Ciudad Ixtepec",
        {},
    ),
    (
        "Defensoría del Istmo",
        "Asesoría jurídica del Istmo",
        "juridico",
        "Ciudad Ixtepec",
        {},
    ),
    (
        "Colectivo Istmeñas",
        "Refugio Istmeñas",
        "refugio",
        "Juchitán de Zaragoza",
        {"confidential": True},
    ),
    (
        "Parroquia San Vicente",
        "Comedor San Vicente",
        "comedor",
        "Juchitán de Zaragoza",
        {},
    ),
    (
        "Clínica Binnizá",
        "Consulta médica Binnizá",
        "clinica",
        "Juchitán de Zaragoza",
        {},
    ),
    (
        "Casa Padre Ángel",
        "Albergue Padre Ángel",
        "albergue",
        "Matías Romero",
        {
            "status": "temporarily_closed",
            "alert": "Cerrado por reparaciones. Mientras tanto, acude al "
            "Albergue Hermanas en el Camino, en Ciudad Ixtepec.",
        },
    ),
    (
        "Casa Padre Ángel",
        "Traslado humanitario del Istmo",
        "transporte",
        "Matías Romero",
        {},
    ),
    (
        "Hogar La Ceiba",
        "Albergue La Ceiba",
        "albergue",
        "Tenosique",
        {"languages": ["es", "kek", "en"]},
    ),
    ("Hogar La Ceiba", "Comedor La Ceiba", "comedor", "Tenosique", {}),
    ("Hogar La Ceiba", "Asesoría jurídica La Ceiba", "juridico", "Tenosique", {}),
    (
        "Espacio Niñez Segura",
        "Niñez segura Tenosique",
        "ninez",
        "Tenosique",
        {"stale": 400},
    ),
    (
        "Centro de Atención a Migrantes Tabasco",
        "Asesoría jurídica Villahermosa",
        "juridico",
        "Villahermosa",
        {},
    ),
    ("Clínica Grijalva", "Consulta médica Grijalva", "clinica", "Villahermosa", {}),
    (
        "Red Mujeres del Grijalva",
        "Oficios y empleo Grijalva",
        "empleo",
        "Villahermosa",
        {},
    ),
]


STREETS = ["Central", "Hidalgo", "Morelos", "Juárez"]


def _id(*parts) -> uuid.UUID:
    return uuid.uuid5(NAMESPACE, ":".join(parts))


def _index_page(title, slug, intro, note):
    return DirectoryIndexPage(
        title=title, slug=slug, intro=paragraphs(intro), safety_note=note
    )


def _organization(name: str) -> Organization:
    organization, _ = Organization.objects.get_or_create(
        id=_id("organization", name),
        defaults={
            "name": name,
            "slug": _slug(name),
            "description": f"{name} acompaña a personas en tránsito en el sur de "
            "México.",
        },
    )
    return organization


def _slug(text: str) -> str:
    return slugify(text)[:100]


def _service(number, organization_name, name, kind, town, options, terms, now):
    spec = KINDS[kind]
    state, lat, lon, area = TOWNS[town]
    organization = _organization(organization_name)
    confidential = options.get("confidential", False)
    location, _ = Location.objects.get_or_create(
        id=_id("location", name),
        defaults={
            "organization": organization,
            "name": name,
            "address_1": f"Calle {STREETS[number % 4]} {100 + number * 7}",
            "address_2": ["Centro", "Barrio San Juan", "Colonia Las Flores"][
                number % 3
            ],
            "postal_code": "",
            "municipality": town,
            "state": state,
            "latitude": round(lat + (number % 5) * 0.002, 6),
            "longitude": round(lon - (number % 7) * 0.002, 6),
            "accessibility": "Entrada a nivel de la calle y baño accesible."
            if number % 3 == 0
            else "",
            # Hidden in public for a confidential place, like its address.
            "transportation": "Combi desde la terminal; bajar en el mercado."
            if "shelter" in spec["types"]
            else "",
            "is_confidential": confidential,
        },
    )
    stale = options.get("stale")
    verified = now - timedelta(days=stale if stale else 5 + number % 40)
    service, created = Service.objects.get_or_create(
        id=_id("service", name),
        defaults={
            "organization": organization,
            "name": name,
            "slug": _slug(name),
            "description": spec["description"],
            "alternate_name": options.get("en", ""),
            "description_en": spec.get("description_en", ""),
            "alert": options.get("alert", ""),
            "status": options.get("status", "open"),
            # Shelters' staff report their status; other services never do.
            "status_changed_at": now - timedelta(hours=3 + number)
            if "shelter" in spec["types"]
            else None,
            "eligibility_description": spec["eligibility"],
            "eligibility_description_en": spec.get("eligibility_en", ""),
            "minimum_age": spec.get("ages", (None, None))[0],
            "maximum_age": spec.get("ages", (None, None))[1],
            "application_process": spec["process"],
            "application_process_en": spec.get("process_en", ""),
            "interpretation_services": spec.get("interpretation", ""),
            "languages": options.get("languages", spec["languages"]),
            "capacity": spec.get("capacity"),
            "open_24_hours": spec["hours"] == "24h",
            "by_appointment": spec.get("appointment", False),
            "last_verified_at": verified,
            "created_at": verified,
            "live": True,
        },
    )
    if not created:
        return service
    ServiceAtLocation.objects.create(
        id=_id("sal", name), service=service, location=location
    )
    Phone.objects.create(
        id=_id("phone", name),
        service=service,
        number=f"+52{area}555{1000 + number:04d}",
        extension=spec.get("extension", ""),
        whatsapp=True,
        description="Recepción",
    )
    if spec.get("fax"):
        Phone.objects.create(
            id=_id("fax", name),
            service=service,
            number=f"+52{area}555{2000 + number:04d}",
            kind="fax",
            sort_order=1,
        )
    if spec["hours"] != "24h":
        for order, (day, opens, closes) in enumerate(spec["hours"]):
            Schedule.objects.create(
                id=_id("schedule", name, str(day)),
                service=service,
                weekday=day,
                opens_at=opens,
                closes_at=closes,
                description=spec.get("hours_description", ""),
                sort_order=order,
            )
    for order, document in enumerate(spec["documents"]):
        RequiredDocument.objects.create(
            id=_id("document", name, str(order)),
            service=service,
            document=document,
            sort_order=order,
        )
    Contact.objects.create(
        id=_id("contact", name),
        service=service,
        name="Coordinación",
        email=f"{_slug(name)}@directorio.convivir.example",
    )
    service.service_types.set([terms["service_type", code] for code in spec["types"]])
    service.populations.set([terms["population", code] for code in spec["populations"]])
    service.save()
    return service


def load(stdout=None):
    """Build the directory demo (idempotent)."""
    es = Locale.objects.get(language_code="es")
    home = HomePage.objects.get(locale=es, depth=2)
    index, _ = child_page(
        home,
        _index_page(
            "Buscar ayuda",
            "buscar-ayuda",
            "Albergues, comida, salud, asesoría jurídica y más, gratis, a lo largo de "
            "la ruta de Chiapas, Oaxaca y Tabasco. Llama antes de ir.",
            "Todos estos servicios son gratuitos. Nadie puede cobrarte ni pedirte "
            "favores a cambio de ayudarte.",
        ),
    )
    if not is_translated(index):
        translate(
            index,
            _index_page(
                "Find help",
                "find-help",
                "Shelters, food, health, legal aid and more, free of charge, along the "
                "route through Chiapas, Oaxaca and Tabasco. Call before you go.",
                "All these services are free. Nobody may charge you or ask for favours "
                "in exchange for helping you.",
            ),
        )
    ensure_menu_link(index, "Buscar ayuda", "Find help", 1)

    terms = {
        (term.taxonomy.key, term.code): term
        for term in TaxonomyTerm.objects.select_related("taxonomy")
    }
    now = timezone.now()
    for number, (organization, name, kind, town, options) in enumerate(ENTRIES):
        _service(number, organization, name, kind, town, options, terms, now)
    if stdout:
        stdout.write(f"Directory: {len(ENTRIES)} services.\n")


demo_loaders.register("directory", load, order=45)
