"""Demo content: the calendar with a dozen events across Tapachula,
Tenosique, Ixtepec, San Cristóbal and Villahermosa, past and to come, some
full with a waiting list, one weekly series; Spanish with English
translations. Dates are set relative to the day the demo is first built.
The people registered are fictional."""

from datetime import datetime, time, timedelta

from django.utils import timezone

from wagtail.images import get_image_model
from wagtail.models import Locale

from convivir.demo.base import (
    child_page,
    demo_loaders,
    ensure_menu_link,
    paragraphs,
    stream,
)
from convivir.demo.content import pick
from convivir.demo.localize import is_translated, translate
from convivir.models import HomePage
from events.models import (
    EventCategory,
    EventIndexPage,
    EventPage,
    Occurrence,
    Registration,
    Venue,
)

VENUES = {
    "tapachula": {
        "name": ("Parque Central Miguel Hidalgo", "Miguel Hidalgo Central Park"),
        "address": "Av. Central y 5a Calle Poniente",
        "municipality": "Tapachula",
        "state": "chiapas",
        "coords": ("14.907200", "-92.263700"),
        "access": (
            "Plaza plana, sin escalones; baños accesibles en el kiosco.",
            "Flat square, no steps; accessible toilets at the bandstand.",
        ),
        "directions": (
            "Frente a la catedral. Las combis del centro paran a una cuadra.",
            "Opposite the cathedral. Downtown minibuses stop one block away.",
        ),
    },
    "tenosique": {
        "name": ("Casa de la Cultura de Tenosique", "Tenosique House of Culture"),
        "address": "Calle 26 s/n, Centro",
        "municipality": "Tenosique",
        "state": "tabasco",
        "coords": ("17.474400", "-91.423600"),
        "access": (
            "Rampa en la entrada principal; salón en planta baja.",
            "Ramp at the main entrance; hall on the ground floor.",
        ),
        "directions": (
            "A dos cuadras del parque central, junto al mercado.",
            "Two blocks from the central park, next to the market.",
        ),
    },
    "ixtepec": {
        "name": ("Salón Ejidal de Ciudad Ixtepec", "Ciudad Ixtepec Community Hall"),
        "address": "Av. Hidalgo 40",
        "municipality": "Ciudad Ixtepec",
        "state": "oaxaca",
        "coords": ("16.562900", "-95.100500"),
        "access": (
            "Un escalón en la entrada; hay ayuda para subir.",
            "One step at the entrance; help is available.",
        ),
        "directions": (
            "Cerca de la estación del tren, frente a la escuela primaria.",
            "Near the railway station, opposite the primary school.",
        ),
    },
    "san-cristobal": {
        "name": ("Centro Cultural El Carmen", "El Carmen Cultural Centre"),
        "address": "Andador Hidalgo s/n",
        "municipality": "San Cristóbal de las Casas",
        "state": "chiapas",
        "coords": ("16.733500", "-92.638000"),
        "access": (
            "Patio con empedrado; sillas disponibles en el salón.",
            "Cobbled courtyard; chairs available in the hall.",
        ),
        "directions": (
            "Al final del andador peatonal, junto al arco de El Carmen.",
            "At the end of the pedestrian street, by the El Carmen arch.",
        ),
    },
    "villahermosa": {
        "name": ("Biblioteca Pública José María Pino Suárez", "Pino Suárez Library"),
        "address": "Av. Carlos A. Madrazo s/n",
        "municipality": "Villahermosa",
        "state": "tabasco",
        "coords": ("17.989500", "-92.928300"),
        "access": (
            "Elevador y baños accesibles; aire acondicionado.",
            "Lift and accessible toilets; air-conditioned.",
        ),
        "directions": (
            "Junto al río Grijalva, en la zona CICOM.",
            "By the Grijalva river, in the CICOM area.",
        ),
    },
}

# slug, venue, category, (title es, en), (summary es, en), (body es, en),
# languages, occurrences: (days from now, hour, hours long, capacity, seats
# taken, people waiting), all-day, weekly repeats
EVENTS = [
    (
        "festival-de-las-culturas",
        "tapachula",
        "festival",
        ("Festival de las culturas", "Festival of cultures"),
        (
            "Música, comida y danzas de Centroamérica, el Caribe y el Soconusco.",
            "Music, food and dances from Central America, the Caribbean and Soconusco.",
        ),
        (
            "Familias de Honduras, Haití, Guatemala y Tapachula preparan juntas "
            "un día de fiesta en el parque. Trae algo para compartir.",
            "Families from Honduras, Haiti, Guatemala and Tapachula prepare a "
            "day of celebration together in the park. Bring something to share.",
        ),
        ["es", "ht", "mam"],
        [(12, 0, 0, None, 0, 0)],
        True,
        0,
    ),
    (
        "cine-foro-la-bestia",
        "tenosique",
        "cine",
        ("Cine foro: el tren de los sueños", "Film forum: the train of dreams"),
        (
            "Proyección de un documental sobre la ruta del tren y conversación.",
            "Screening of a documentary about the railway route, then a talk.",
        ),
        (
            "Después de la película, personas que viajaron en el tren y vecinas "
            "de Tenosique conversan sobre lo que vieron.",
            "After the film, people who travelled on the train and Tenosique "
            "neighbours talk about what they saw.",
        ),
        ["es"],
        [(3, 18, 2, 40, 40, 3)],
        False,
        0,
    ),
    (
        "dialogo-vecinal-ixtepec",
        "ixtepec",
        "dialogo",
        ("Diálogo vecinal: convivir en el barrio", "Neighbourhood dialogue"),
        (
            "Un espacio seguro para hablar de miedos, rumores y acuerdos.",
            "A safe space to talk about fears, rumours and agreements.",
        ),
        (
            "Con facilitación de la red de protección y traducción al creole "
            "haitiano y al zapoteco.",
            "Facilitated by the protection network, with Haitian Creole and "
            "Zapotec interpreting.",
        ),
        ["es", "ht", "zap"],
        [(5, 17, 2, 30, 12, 0)],
        False,
        0,
    ),
    (
        "taller-de-murales",
        "san-cristobal",
        "taller",
        ("Taller de murales comunitarios", "Community mural workshop"),
        (
            "Pintamos un mural entre jóvenes de la ciudad y jóvenes en tránsito.",
            "Young locals and young people in transit paint a mural together.",
        ),
        (
            "No hace falta saber dibujar. Ponemos pinturas, pinceles y agua.",
            "No drawing skills needed. We provide paint, brushes and water.",
        ),
        ["es", "tzo"],
        [(7, 10, 4, 20, 20, 4)],
        False,
        0,
    ),
    (
        "clases-de-espanol",
        "tapachula",
        "taller",
        ("Círculo de conversación en español", "Spanish conversation circle"),
        (
            "Cada semana: practica español conversando con vecinas y vecinos.",
            "Every week: practise Spanish by talking with neighbours.",
        ),
        (
            "Para personas que hablan francés, creole o inglés y quieren soltarse "
            "en español. Nivel principiante e intermedio.",
            "For French, Creole or English speakers who want to gain confidence "
            "in Spanish. Beginner and intermediate levels.",
        ),
        ["es", "fr", "ht", "en"],
        [(2, 16, 2, 15, 6, 0)],
        False,
        6,
    ),
    (
        "capacitacion-derechos",
        "villahermosa",
        "capacitacion",
        (
            "Capacitación: derechos de las personas en movilidad",
            "Training: the rights of people on the move",
        ),
        (
            "Para personal de ventanillas públicas, salud y seguridad.",
            "For public-counter, health and security staff.",
        ),
        (
            "Trato digno, acceso a servicios y cómo orientar sobre la COMAR y la "
            "tarjeta de visitante por razones humanitarias.",
            "Dignified treatment, access to services and how to guide people to "
            "COMAR and the humanitarian visitor card.",
        ),
        ["es"],
        [(9, 9, 6, 25, 25, 2)],
        False,
        0,
    ),
    (
        "torneo-de-futbol",
        "ixtepec",
        "deporte",
        ("Torneo de fútbol por la convivencia", "Football tournament"),
        (
            "Equipos mixtos de vecinos y personas en tránsito.",
            "Mixed teams of neighbours and people in transit.",
        ),
        (
            "Inscribe a tu equipo o ven a apoyar. Habrá agua y fruta.",
            "Register your team or come and cheer. There will be water and fruit.",
        ),
        ["es", "ht"],
        [(14, 8, 5, 80, 30, 0)],
        False,
        0,
    ),
    (
        "exposicion-retratos",
        "villahermosa",
        "exposicion",
        ("Exposición: caminos compartidos", "Exhibition: shared paths"),
        (
            "Dibujos y objetos de viaje, con consentimiento de sus autores.",
            "Drawings and travel objects, shown with their authors' consent.",
        ),
        (
            "Una exposición sin fotografías de personas: cada objeto cuenta una "
            "parte del camino.",
            "An exhibition without photos of people: each object tells part of "
            "the journey.",
        ),
        ["es", "en"],
        [(-2, 0, 0, None, 0, 0)],
        True,
        0,
    ),
    (
        "dialogo-mujeres",
        "tenosique",
        "dialogo",
        ("Círculo de mujeres", "Women's circle"),
        (
            "Encuentro entre mujeres de Tenosique y mujeres en tránsito.",
            "A meeting of Tenosique women and women in transit.",
        ),
        (
            "Con cuidado infantil durante la sesión.",
            "With child care during the session.",
        ),
        ["es"],
        [(-10, 10, 2, 20, 18, 0)],
        False,
        0,
    ),
    (
        "noche-de-cine-infantil",
        "san-cristobal",
        "cine",
        ("Noche de cine para niñas y niños", "Children's film night"),
        (
            "Película animada, palomitas y dibujo libre.",
            "An animated film, popcorn and free drawing.",
        ),
        (
            "Niñas y niños acompañados por una persona adulta.",
            "Children with an accompanying adult.",
        ),
        ["es", "tzo", "tzh"],
        [(-20, 18, 2, 50, 50, 0)],
        False,
        0,
    ),
    (
        "feria-de-servicios",
        "tapachula",
        "festival",
        ("Feria de servicios y orientación", "Services and information fair"),
        (
            "Albergues, clínicas y asesoría jurídica en un solo lugar.",
            "Shelters, clinics and legal advice in one place.",
        ),
        (
            "Orientación gratuita y confidencial. Nadie pide documentos para entrar.",
            "Free, confidential advice. Nobody asks for papers at the door.",
        ),
        ["es", "fr", "ht", "en"],
        [(20, 9, 8, 200, 40, 0), (21, 9, 8, 200, 12, 0)],
        False,
        0,
    ),
    (
        "taller-de-cocina",
        "villahermosa",
        "taller",
        ("Taller de cocina de dos orillas", "Two-shore cooking workshop"),
        (
            "Tamales tabasqueños y baleadas hondureñas, mano a mano.",
            "Tabasco tamales and Honduran baleadas, side by side.",
        ),
        (
            "Cocinamos, comemos y nos llevamos las recetas.",
            "We cook, eat and take the recipes home.",
        ),
        ["es"],
        [(4, 17, 3, 12, 12, 2)],
        False,
        0,
    ),
]

DEMO_NAMES = [
    "María López",
    "Jean Pierre",
    "Rosa Hernández",
    "Kervens Joseph",
    "Ana Morales",
    "Luis Pérez",
    "Fatou Diallo",
    "Daniela Cruz",
    "Wilson Reyes",
    "Sofía Ramírez",
]


def load(stdout=None):
    """Build the events demo (idempotent)."""
    es = Locale.objects.get(language_code="es")
    home = HomePage.objects.get(locale=es, depth=2)
    t_es, t_en = pick("es"), pick("en")
    venues = {key: _venue(es, data) for key, data in VENUES.items()}
    categories = {c.slug: c for c in EventCategory.objects.filter(locale=es)}
    # The site's own demo illustrations (abstract, no people), shared.
    images = list(get_image_model().objects.order_by("pk")[:5])

    index, _ = child_page(home, _index_page(t_es))
    if not is_translated(index):
        translate(index, _index_page(t_en))
    ensure_menu_link(index, "Eventos", "Events", 2)

    today = timezone.localdate()
    for data in EVENTS:
        page, created = child_page(
            index, _event_page(t_es, data, venues, categories, today, images)
        )
        if created:
            _registrations(page, data)
        if not is_translated(page):
            translate(page, _event_page(t_en, data, venues, categories, today, images))
    if stdout:
        stdout.write(
            f"  events: {EventPage.objects.filter(locale=es).count()} events, "
            f"{Occurrence.objects.filter(page__locale=es).count()} dates, "
            f"{Registration.objects.count()} registrations"
        )


def _venue(locale, data) -> Venue:
    venue = Venue.objects.filter(locale=locale, name=data["name"][0]).first()
    if venue is None:
        venue = Venue.objects.create(
            locale=locale,
            name=data["name"][0],
            address=data["address"],
            municipality=data["municipality"],
            state=data["state"],
            latitude=data["coords"][0],
            longitude=data["coords"][1],
            accessibility_notes=data["access"][0],
            directions=data["directions"][0],
        )
    if not is_translated(venue):
        translate(
            venue,
            Venue(
                name=data["name"][1],
                address=data["address"],
                municipality=data["municipality"],
                state=data["state"],
                accessibility_notes=data["access"][1],
                directions=data["directions"][1],
            ),
        )
    return venue


def _index_page(t):
    return EventIndexPage(
        title=t("Eventos", "Events"),
        slug=t("eventos", "events"),
        search_description=t(
            "Festivales, cine, diálogos y talleres que reúnen a comunidades de "
            "acogida y personas en tránsito.",
            "Festivals, films, dialogues and workshops that bring host "
            "communities and people in transit together.",
        ),
        intro=paragraphs(
            t(
                "Encuentra actividades cerca de ti e inscríbete en un minuto. "
                "Todas son gratuitas y abiertas a todas las personas.",
                "Find activities near you and register in a minute. They are all "
                "free and open to everyone.",
            )
        ),
    )


def _event_page(t, data, venues, categories, today, images):
    slug, venue, kind, title, summary, body, languages = data[:7]
    occurrences, all_day, repeats = data[7:]
    page = EventPage(
        title=t(*title),
        slug=slug,
        summary=t(*summary),
        category=categories.get(kind),
        venue=venues[venue],
        organiser=t("Programa Convivir y red local", "Convivir and the local network"),
        languages=languages,
        registration_enabled=not all_day,
        image=images[EVENTS.index(data) % len(images)] if images else None,
        body=stream(f"event-{slug}", [("paragraph", paragraphs(t(*body)))]),
    )
    rows = []
    for days, hour, hours, capacity, _taken, _waiting in occurrences:
        day = today + timedelta(days=days)
        start = timezone.make_aware(datetime.combine(day, time(hour)))
        end = (
            timezone.make_aware(datetime.combine(day + timedelta(days=1), time.min))
            - timedelta(minutes=1)
            if all_day
            else start + timedelta(hours=hours)
        )
        rows.append(
            Occurrence(
                start=start,
                end=end,
                all_day=all_day,
                capacity=capacity,
                max_seats_per_registration=4,
                repeat="weekly" if repeats else "",
                repeat_until=day + timedelta(weeks=repeats) if repeats else None,
            )
        )
    page.occurrences = rows
    page.expand_repeats()
    return page


def _registrations(page, data):
    """Fill the first dates as the demo says: seats taken, people waiting."""
    occurrences = list(Occurrence.objects.filter(page=page).order_by("start"))
    for occurrence, (_d, _h, _l, _c, taken, waiting) in zip(
        occurrences, data[7], strict=False
    ):
        made = []
        seats_left = taken
        n = 0
        while seats_left > 0:
            seats = min(2 if n % 3 == 0 else 1, seats_left)
            made.append(
                _registration(occurrence, page, n, seats, Registration.Status.CONFIRMED)
            )
            seats_left -= seats
            n += 1
        for k in range(waiting):
            made.append(
                _registration(occurrence, page, n + k, 1, Registration.Status.WAITING)
            )
        Registration.objects.bulk_create(made)


def _registration(occurrence, page, n, seats, status):
    name = DEMO_NAMES[n % len(DEMO_NAMES)]
    with_email = n % 4 != 3  # some people register with a phone only
    created = occurrence.start - timedelta(days=10) + timedelta(minutes=n)
    return Registration(
        occurrence=occurrence,
        code=Registration.new_code(),
        name=f"{name} {n + 1}",
        email=f"{page.slug}.{n + 1}@correo.example" if with_email else "",
        phone="" if with_email else f"+52962555{1000 + n}",
        seats=seats,
        language="en" if n % 5 == 1 else "es",
        status=status,
        consent_at=created,
        created_at=created,
        attended_at=occurrence.start if occurrence.end < timezone.now() else None,
    )


demo_loaders.register("events", load, order=40)
