"""Demo content: four protection networks along the corridor, ten
opportunities, a coordinator per network (logins printed and kept in
``var/demo-coordinators.txt``) and volunteers in every status. Spanish with
English translations; the people and organisations are fictional."""

import secrets
from datetime import timedelta

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.utils import timezone

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
from convivir.models import ContentPage, HomePage
from directory.models import Organization
from networks.models import (
    COORDINATORS_GROUP,
    MemberOrganisation,
    ProtectionNetwork,
    ProtectionNetworkPage,
    Volunteer,
    VolunteerIndexPage,
    VolunteeringSettings,
    VolunteerOpportunity,
)

NETWORKS = [
    {
        "slug": "red-tapachula",
        "name": "Red de Protección Tapachula",
        "municipality": "Tapachula",
        "state": "chiapas",
        "email": "red.tapachula@convivir.mx",
        "phone": "+52 962 555 0140",
        "coordinator": ("coord.tapachula", "Rosa", "Méndez"),
        "members": [
            ("Casa del Migrante San Juan", "shelter", "Casa del Migrante San Juan"),
            ("Parroquia de San Juan", "parish"),
            (
                "Clínica Comunitaria Las Américas",
                "clinic",
                "Clínica Comunitaria Las Américas",
            ),
            ("Vecinas y vecinos de la colonia Centro", "neighbours"),
        ],
        "title": ("Red de Protección Tapachula", "Tapachula Protection Network"),
        "summary": (
            "Albergues, parroquia, clínica y vecinos de Tapachula que reciben a "
            "quienes acaban de cruzar la frontera sur.",
            "Shelters, a parish, a clinic and neighbours in Tapachula who welcome "
            "people who have just crossed the southern border.",
        ),
        "body": (
            "Tapachula es la primera ciudad grande después de la frontera con "
            "Guatemala. La red acompaña a familias a la clínica, da clases de "
            "español y orienta sobre los trámites ante la COMAR.",
            "Tapachula is the first large city after the border with Guatemala. The "
            "network accompanies families to the clinic, teaches Spanish and "
            "explains the procedures before COMAR.",
        ),
    },
    {
        "slug": "red-tenosique",
        "name": "Red de Protección Tenosique",
        "municipality": "Tenosique",
        "state": "tabasco",
        "email": "red.tenosique@convivir.mx",
        "phone": "+52 934 555 0120",
        "coordinator": ("coord.tenosique", "Julián", "Cruz"),
        "members": [
            ("Hogar La Ceiba", "shelter", "Hogar La Ceiba"),
            ("Colectivo Mujeres del Usumacinta", "civil_society"),
            ("Centro de salud de Tenosique", "institution"),
        ],
        "title": ("Red de Protección Tenosique", "Tenosique Protection Network"),
        "summary": (
            "En la ruta del tren, la red de Tenosique ofrece comida, descanso y "
            "acompañamiento a quienes llegan desde Petén.",
            "On the railway route, the Tenosique network offers food, rest and "
            "support to people arriving from Petén.",
        ),
        "body": (
            "Muchas personas llegan caminando, cansadas y con heridas en los pies. "
            "La red organiza el comedor, el ropero y la atención psicosocial.",
            "Many people arrive on foot, exhausted and with injured feet. The "
            "network runs the soup kitchen, the clothing store and psychosocial "
            "support.",
        ),
    },
    {
        "slug": "red-ixtepec",
        "name": "Red de Protección Ciudad Ixtepec",
        "municipality": "Ciudad Ixtepec",
        "state": "oaxaca",
        "email": "red.ixtepec@convivir.mx",
        "phone": "+52 971 555 0160",
        "coordinator": ("coord.ixtepec", "Itzel", "López"),
        "members": [
            ("Albergue Hermanos en el Camino (ficticio)", "shelter"),
            ("Escuela primaria Benito Juárez", "institution"),
            ("Grupo de traductores zapotecas", "civil_society"),
        ],
        "title": ("Red de Protección Ciudad Ixtepec", "Ciudad Ixtepec Network"),
        "summary": (
            "En el Istmo de Tehuantepec, la red de Ixtepec acoge a familias y "
            "niñas y niños que viajan solos.",
            "On the Isthmus of Tehuantepec, the Ixtepec network welcomes families "
            "and unaccompanied children.",
        ),
        "body": (
            "La red trabaja con la escuela del barrio para que las niñas y los niños "
            "sigan aprendiendo mientras esperan, y con intérpretes de creole "
            "haitiano y francés.",
            "The network works with the neighbourhood school so that children keep "
            "learning while they wait, and with Haitian Creole and French "
            "interpreters.",
        ),
    },
    {
        "slug": "red-palenque",
        "name": "Red de Protección Palenque",
        "municipality": "Palenque",
        "state": "chiapas",
        "email": "red.palenque@convivir.mx",
        "phone": "+52 916 555 0180",
        "coordinator": ("coord.palenque", "Mateo", "Gómez"),
        "members": [
            ("Parroquia de Santo Domingo", "parish"),
            ("Casa del Peregrino Palenque", "shelter", "Casa del Peregrino Palenque"),
            ("Cooperativa de transporte Selva", "other"),
            ("Consultorio jurídico universitario", "civil_society"),
        ],
        "title": ("Red de Protección Palenque", "Palenque Protection Network"),
        "summary": (
            "Entre la selva y la carretera, la red de Palenque da información "
            "jurídica y transporte humanitario.",
            "Between the jungle and the highway, the Palenque network gives legal "
            "information and humanitarian transport.",
        ),
        "body": (
            "Abogadas y estudiantes de derecho explican los derechos de las personas "
            "en movilidad; conductores voluntarios las llevan a la clínica o a sus "
            "citas.",
            "Lawyers and law students explain the rights of people on the move; "
            "volunteer drivers take them to the clinic or their appointments.",
        ),
    },
]

OPPORTUNITIES = [
    (
        "red-tapachula",
        ("Clases de español en el albergue", "Spanish classes at the shelter"),
        (
            "Da clases básicas de español a personas adultas que hablan creole o "
            "francés, con materiales que ya preparó la red.",
            "Teach basic Spanish to adults who speak Creole or French, with "
            "materials the network has prepared.",
        ),
        ["teaching", "interpreting"],
        ("Dos tardes por semana, tres meses", "Two afternoons a week, three months"),
        ("Colonia Centro", "Centro neighbourhood"),
        False,
    ),
    (
        "red-tapachula",
        ("Acompañamiento a la clínica", "Going with people to the clinic"),
        (
            "Acompaña a familias a sus consultas y ayuda a entender las indicaciones.",
            "Go with families to their appointments and help them understand the "
            "instructions.",
        ),
        ["health", "interpreting"],
        ("Una mañana por semana", "One morning a week"),
        ("Clínica comunitaria", "Community clinic"),
        False,
    ),
    (
        "red-tapachula",
        ("Difusión en redes y radio", "Social media and radio outreach"),
        (
            "Prepara mensajes contra la discriminación para la radio comunitaria.",
            "Prepare messages against discrimination for the community radio.",
        ),
        ["communications", "it"],
        ("Cuatro horas por semana", "Four hours a week"),
        ("", ""),
        True,
    ),
    (
        "red-tenosique",
        ("Cocina del comedor", "Soup kitchen cook"),
        (
            "Prepara desayunos y comidas para 80 personas junto con el equipo del "
            "comedor.",
            "Prepare breakfasts and lunches for 80 people with the kitchen team.",
        ),
        ["cooking"],
        ("Un turno de seis horas por semana", "One six-hour shift a week"),
        ("Comedor de la red", "The network's soup kitchen"),
        False,
    ),
    (
        "red-tenosique",
        (
            "Escucha y primeros auxilios psicológicos",
            "Listening and psychological first aid",
        ),
        (
            "Para psicólogas y psicólogos: espacios de escucha con mujeres y "
            "adolescentes.",
            "For psychologists: listening spaces with women and teenagers.",
        ),
        ["psychology", "health"],
        ("Dos mañanas por semana, seis meses", "Two mornings a week, six months"),
        ("Centro de salud", "Health centre"),
        False,
    ),
    (
        "red-tenosique",
        ("Ropero comunitario", "Community clothing store"),
        (
            "Clasifica y entrega ropa y calzado donados.",
            "Sort and hand out donated clothes and shoes.",
        ),
        ["other"],
        ("Sábados por la mañana", "Saturday mornings"),
        ("Parroquia", "Parish hall"),
        False,
    ),
    (
        "red-ixtepec",
        ("Tareas con niñas y niños", "Homework club for children"),
        (
            "Ayuda con lectura y matemáticas a niñas y niños que esperan en el "
            "albergue.",
            "Help children waiting at the shelter with reading and maths.",
        ),
        ["teaching"],
        ("Tres tardes por semana", "Three afternoons a week"),
        ("Escuela Benito Juárez", "Benito Juárez school"),
        False,
    ),
    (
        "red-ixtepec",
        ("Interpretación de creole al español", "Creole to Spanish interpreting"),
        (
            "Interpreta en entrevistas y consultas para personas haitianas.",
            "Interpret at interviews and appointments for Haitian people.",
        ),
        ["interpreting"],
        (
            "Según las citas, unas horas por semana",
            "As appointments come, a few hours a week",
        ),
        ("", ""),
        True,
    ),
    (
        "red-palenque",
        ("Orientación jurídica", "Legal information sessions"),
        (
            "Con supervisión del consultorio universitario, explica el trámite de "
            "asilo y la tarjeta de visitante por razones humanitarias.",
            "Supervised by the university clinic, explain the asylum procedure and "
            "the humanitarian visitor card.",
        ),
        ["legal"],
        ("Una tarde por semana, seis meses", "One afternoon a week, six months"),
        ("Parroquia de Santo Domingo", "Santo Domingo parish"),
        False,
    ),
    (
        "red-palenque",
        ("Transporte humanitario", "Humanitarian transport"),
        (
            "Con licencia vigente: lleva a personas a la clínica o a sus citas en "
            "la camioneta de la red.",
            "With a valid licence: drive people to the clinic or their appointments "
            "in the network's van.",
        ),
        ["driving"],
        ("Fines de semana, por turnos", "Weekends, in shifts"),
        ("Palenque y alrededores", "Palenque and surroundings"),
        False,
    ),
]

CODE_OF_CONDUCT = (
    (
        "Trato a cada persona con respeto, sin importar su nacionalidad, su "
        "situación migratoria, su religión, su identidad o su orientación.",
        "I treat every person with respect, whatever their nationality, migration "
        "status, religion, identity or orientation.",
    ),
    (
        "Guardo la confidencialidad: no comparto nombres, fotos, ubicaciones ni "
        "historias de las personas que acompañamos, tampoco en redes sociales.",
        "I keep confidentiality: I never share names, photos, locations or stories "
        "of the people we support, not even on social media.",
    ),
    (
        "Nunca pido ni acepto dinero o favores, y nunca estoy a solas con una niña "
        "o un niño.",
        "I never ask for or accept money or favours, and I am never alone with a "
        "child.",
    ),
    (
        "Si veo o sospecho un abuso, lo informo de inmediato a la coordinación de "
        "la red.",
        "If I see or suspect abuse, I report it to the network's coordinators at once.",
    ),
)

# (name, e-mail, network slug, status, safeguards done, notes)
VOLUNTEERS = [
    ("Lucía Hernández", "lucia.hernandez", "red-tapachula", "new", 0, []),
    (
        "Daniel Ortiz",
        "daniel.ortiz",
        "red-tapachula",
        "contacted",
        1,
        ["Llamada: puede los sábados."],
    ),
    (
        "Marisol Vega",
        "marisol.vega",
        "red-tapachula",
        "active",
        3,
        ["Empezó en el taller de español."],
    ),
    (
        "Jean-Baptiste Pierre",
        "jb.pierre",
        "red-ixtepec",
        "training",
        2,
        ["Intérprete de creole; formación el martes."],
    ),
    ("Fernanda Ruiz", "fernanda.ruiz", "red-ixtepec", "new", 0, []),
    ("Andrés Salazar", "andres.salazar", "red-tenosique", "active", 3, []),
    (
        "Carmen Aguilar",
        "carmen.aguilar",
        "red-tenosique",
        "inactive",
        3,
        ["Se mudó a Villahermosa."],
    ),
    (
        "Roberto Núñez",
        "roberto.nunez",
        "red-palenque",
        "declined",
        0,
        ["No tiene licencia vigente."],
    ),
    ("Sofía Castillo", "sofia.castillo", "red-palenque", "contacted", 1, []),
]
PENDING = [("Tomás Reyes", "tomas.reyes", "red-palenque")]


def load(stdout=None):
    """Build the networks demo (idempotent)."""
    es = Locale.objects.get(language_code="es")
    home = HomePage.objects.get(locale=es, depth=2)
    t_es, t_en = pick("es"), pick("en")
    logins = _coordinators()

    networks = {}
    for data in NETWORKS:
        network, created = ProtectionNetwork.objects.get_or_create(
            slug=data["slug"],
            defaults={
                "name": data["name"],
                "municipality": data["municipality"],
                "state": data["state"],
                "contact_email": data["email"],
                "contact_phone": data["phone"],
            },
        )
        if created:
            for order, (name, kind, *entry) in enumerate(data["members"]):
                # Members with an entry in the directory link to it.
                organization = (
                    Organization.objects.filter(name=entry[0]).first()
                    if entry
                    else None
                )
                network.members.add(
                    MemberOrganisation(
                        name=name,
                        kind=kind,
                        organization=organization,
                        sort_order=order,
                    )
                )
            user = get_user_model().objects.get(username=data["coordinator"][0])
            network.coordinators.set([user])
            network.save()
        networks[data["slug"]] = network

    index, _ = child_page(home, _index_page(t_es))
    pages = [
        (child_page(index, _network_page(t_es, networks, data))[0], data)
        for data in NETWORKS
    ]
    if not is_translated(index):
        translate(index, _index_page(t_en))
    for page, data in pages:
        if not is_translated(page):
            translate(page, _network_page(t_en, networks, data))
    ensure_menu_link(index, "Participa", "Take part", 3)

    opportunities = []
    for slug, title, text, skills, time, place, remote in OPPORTUNITIES:
        # Classes held inside a shelter: the public sees the town alone.
        confidential = "albergue" in title[0]
        opportunity, _ = VolunteerOpportunity.objects.get_or_create(
            network=networks[slug],
            title=title[0],
            locale=es,
            defaults={
                "description": text[0],
                "skills": skills,
                "time_commitment": time[0],
                "place": place[0],
                "is_confidential": confidential,
                "is_remote": remote,
            },
        )
        if not is_translated(opportunity):
            translate(
                opportunity,
                VolunteerOpportunity(
                    network=networks[slug],
                    title=title[1],
                    description=text[1],
                    skills=skills,
                    time_commitment=time[1],
                    place=place[1],
                    is_confidential=confidential,
                    is_remote=remote,
                ),
            )
        opportunities.append(opportunity)

    settings_row = VolunteeringSettings.load()
    if not settings_row.privacy_notice_page_id:
        privacy = ContentPage.objects.filter(
            locale=es, slug="aviso-de-privacidad"
        ).first()
        settings_row.privacy_notice_page = privacy
        settings_row.save()

    _volunteers(networks, opportunities)
    if stdout:
        stdout.write(
            f"  networks: {len(networks)} networks, "
            f"{VolunteerOpportunity.objects.filter(locale=es).count()} opportunities, "
            f"{Volunteer.objects.count()} volunteers"
        )
        stdout.write(logins)


def _coordinators() -> str:
    """One coordinator per network, created once with a random password kept
    in ``var/demo-coordinators.txt`` (outside the repository)."""
    login_file = settings.VAR_DIR / "demo-coordinators.txt"
    User = get_user_model()
    group = Group.objects.get(name=COORDINATORS_GROUP)
    lines = []
    for data in NETWORKS:
        username, first, last = data["coordinator"]
        if User.objects.filter(username=username).exists():
            continue
        password = secrets.token_urlsafe(12)
        user = User.objects.create_user(
            username=username,
            email=f"{username}@convivir.example",
            password=password,
            first_name=first,
            last_name=last,
        )
        user.groups.add(group)
        lines.append(
            f"Coordinator of {data['name']}: user: {username}  password: {password}"
        )
    if lines:
        login_file.parent.mkdir(parents=True, exist_ok=True)
        # All created now means a new database: earlier logins are stale.
        mode = "w" if len(lines) == len(NETWORKS) else "a"
        with login_file.open(mode) as handle:
            handle.write("\n".join(lines) + "\n")
        login_file.chmod(0o600)
    if login_file.exists():
        return login_file.read_text().strip()
    return "Coordinator accounts already exist; their passwords were not changed."


def _index_page(t):
    return VolunteerIndexPage(
        title=t("Participa", "Take part"),
        slug=t("participa", "take-part"),
        search_description=t(
            "Súmate como persona voluntaria a una red de protección en Chiapas, "
            "Oaxaca o Tabasco.",
            "Volunteer with a protection network in Chiapas, Oaxaca or Tabasco.",
        ),
        intro=paragraphs(
            t(
                "Las redes locales de protección unen albergues, parroquias, "
                "clínicas y vecinos para recibir con dignidad a las personas en "
                "movilidad. Tu tiempo cuenta: elige una oportunidad o una red.",
                "Local protection networks bring together shelters, parishes, "
                "clinics and neighbours to welcome people on the move with dignity. "
                "Your time counts: choose an opportunity or a network.",
            )
        ),
        code_of_conduct=paragraphs(*(t(es, en) for es, en in CODE_OF_CONDUCT)),
    )


def _network_page(t, networks, data):
    return ProtectionNetworkPage(
        title=t(*data["title"]),
        slug=data["slug"],
        network=networks[data["slug"]],
        summary=t(*data["summary"]),
        body=stream(
            f"network-{data['slug']}", [("paragraph", paragraphs(t(*data["body"])))]
        ),
        how_to_join=paragraphs(
            t(
                "Inscríbete con el formulario. La coordinación te llamará para "
                "conocerte y te invitará a la próxima formación.",
                "Sign up with the form. The coordinators will call you to meet and "
                "invite you to the next training.",
            )
        ),
    )


def _volunteers(networks, opportunities):
    """Volunteers in every status; the active ones have all three
    safeguards. Created once each (matched by e-mail)."""
    now = timezone.now()
    coordinators = {
        slug: network.coordinators.first() for slug, network in networks.items()
    }
    by_network = {}
    for opportunity in opportunities:
        by_network.setdefault(opportunity.network_id, []).append(opportunity)
    for index, (name, user, slug, status, safeguards, notes) in enumerate(VOLUNTEERS):
        email = f"{user}@correo.example"
        if Volunteer.objects.filter(email=email).exists():
            continue
        network = networks[slug]
        signed_up = now - timedelta(days=3 + index * 6)
        coordinator = coordinators[slug]
        volunteer = Volunteer.objects.create(
            network=network,
            opportunity=(by_network.get(network.pk) or [None])[0],
            name=name,
            email=email,
            phone=f"+5296255501{index:02d}",
            municipality=network.municipality,
            languages=["es", "ht"] if "Jean" in name else ["es"],
            skills=["teaching", "cooking"] if index % 2 else ["interpreting"],
            available_days=[5, 6] if index % 2 else [0, 2],
            available_times=["morning"],
            motivation="Quiero que mi comunidad reciba bien a quien llega.",
            is_adult=True,
            privacy_consent_at=signed_up,
            privacy_notice_version="1",
            language="en" if "Jean" in name else "es",
            status=status,
            status_changed_at=signed_up + timedelta(days=2),
            confirmation_nonce=secrets.token_hex(8),
            confirmation_sent_at=signed_up,
            confirmed_at=signed_up + timedelta(hours=1),
            created_at=signed_up,
            conduct_accepted_at=signed_up if safeguards >= 1 else None,
            training_completed_at=signed_up if safeguards >= 2 else None,
            training_recorded_by=coordinator if safeguards >= 2 else None,
            references_checked_at=signed_up if safeguards >= 3 else None,
            references_recorded_by=coordinator if safeguards >= 3 else None,
        )
        for text in notes:
            volunteer.notes.create(text=text, author=coordinator, created_at=signed_up)
    for name, user, slug in PENDING:
        email = f"{user}@correo.example"
        if not Volunteer.objects.filter(email=email).exists():
            Volunteer.objects.create(
                network=networks[slug],
                name=name,
                email=email,
                municipality=networks[slug].municipality,
                languages=["es"],
                skills=["driving"],
                available_days=[5],
                available_times=["afternoon"],
                motivation="Tengo camioneta y tiempo los sábados.",
                is_adult=True,
                privacy_consent_at=now,
                privacy_notice_version="1",
                confirmation_nonce=secrets.token_hex(8),
            )


demo_loaders.register("networks", load, order=50)
