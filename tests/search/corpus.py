"""A fixed directory for the relevance suite: services of the corridor
written as their staff write them (Spanish first, some English), in the
towns people pass through, two of them at confidential places."""

from django.db import transaction
from django.utils import timezone

from directory.factories import LocationFactory, ServiceFactory, population
from search.places import town_named

# name, types, populations, town, description, extras
SERVICES = [
    (
        "Albergue Belén",
        ["shelter"],
        ["families"],
        "Tapachula",
        "Alojamiento y comida para familias migrantes, hasta tres noches.",
        {
            "alternate_name": "Bethlehem Shelter",
            "description_en": "Lodging and meals for migrant families.",
        },
    ),
    (
        "Albergue Jesús el Buen Pastor",
        ["shelter"],
        ["adults"],
        "Tapachula",
        "Hospedaje para hombres adultos en tránsito.",
        {},
    ),
    (
        "Casa del Migrante Hermanos en el Camino",
        ["shelter", "food"],
        ["adults"],
        "Ciudad Ixtepec",
        "Cama, regadera y comida caliente para quien va de paso.",
        {},
    ),
    (
        "Albergue La 72",
        ["shelter", "legal_aid"],
        ["adults", "families"],
        "Tenosique",
        "Hogar refugio para personas migrantes: dormir, comer y orientación legal.",
        {},
    ),
    (
        "Casa Arcoíris",
        ["shelter", "lgbtiq"],
        ["lgbtiq"],
        "Tapachula",
        "Albergue seguro para personas LGBTIQ+ en tránsito.",
        {},
    ),
    (
        "Comedor San José",
        ["food"],
        ["adults", "families"],
        "Tapachula",
        "Desayuno y comida gratuitos de lunes a sábado, a dos cuadras de la "
        "estación de autobuses.",
        {},
    ),
    (
        "Comedor La Esperanza",
        ["food"],
        ["families"],
        "Arriaga",
        "Comida caliente junto a las vías del tren.",
        {
            "alternate_name": "Hope Soup Kitchen",
            "description_en": "Hot meals by the railway.",
        },
    ),
    (
        "Defensoría Migrante",
        ["legal_aid"],
        ["adults", "women"],
        "Tapachula",
        "Asesoría jurídica gratuita y acompañamiento en solicitudes de asilo.",
        {},
    ),
    (
        "Oficina de la COMAR en Tapachula",
        ["asylum"],
        ["adults", "families"],
        "Tapachula",
        "Comisión Mexicana de Ayuda a Refugiados: solicitud de la condición de "
        "refugiado.",
        {},
    ),
    (
        "Centro de Salud Huixtla",
        ["health"],
        ["adults", "families"],
        "Huixtla",
        "Consulta médica general, vacunas y curaciones.",
        {},
    ),
    (
        "Clínica móvil de Palenque",
        ["health", "mental_health"],
        ["adults"],
        "Palenque",
        "Atención médica y primeros auxilios psicológicos cerca de las vías.",
        {},
    ),
    (
        "Espacio de escucha",
        ["mental_health"],
        ["unaccompanied_children", "families"],
        "Tenosique",
        "Atención psicológica para niñas, niños y adolescentes y sus familias.",
        {},
    ),
    (
        "Refugio Violeta",
        ["gbv_protection", "shelter"],
        ["women"],
        "Villahermosa",
        "Albergue confidencial para mujeres que viven violencia de género, con sus "
        "hijas e hijos.",
        {"confidential": True},
    ),
    (
        "Procuraduría de Protección de Niñas, Niños y Adolescentes",
        ["child_protection"],
        ["unaccompanied_children"],
        "Tapachula",
        "Protección de la niñez: niñas y niños que viajan solos.",
        {"alternate_name": "DIF Child Protection Office"},
    ),
    (
        "Centro de atención a víctimas de trata",
        ["trafficking"],
        ["women", "adults"],
        "Tapachula",
        "Apoyo confidencial a sobrevivientes de trata de personas.",
        {"confidential": True},
    ),
    (
        "Bolsa de trabajo Integración",
        ["employment"],
        ["adults"],
        "Palenque",
        "Vacantes y acompañamiento para conseguir empleo formal.",
        {},
    ),
    (
        "Escuela sin fronteras",
        ["education"],
        ["families"],
        "Villahermosa",
        "Inscripción escolar de niñas y niños migrantes y clases de regularización.",
        {},
    ),
    (
        "Transporte humanitario del Istmo",
        ["transport"],
        ["adults", "families"],
        "Ciudad Ixtepec",
        "Traslados seguros entre albergues del Istmo.",
        {},
    ),
    (
        "Ropero comunitario",
        ["hygiene"],
        ["adults", "families"],
        "Arriaga",
        "Ropa, zapatos, regadera y artículos de higiene.",
        {},
    ),
    (
        "Punto de carga y llamadas",
        ["communication"],
        ["adults"],
        "Ciudad Hidalgo",
        "Carga de celular, wifi y llamadas gratuitas a la familia.",
        {},
    ),
    (
        "Oficina de documentos e identidad",
        ["documents"],
        ["adults"],
        "Tapachula",
        "Trámite de CURP, actas y acompañamiento al consulado.",
        {},
    ),
]


def build():
    """Create the services (published, verified now)."""
    services = {}
    with transaction.atomic():
        for name, types, populations, town_name, description, extras in SERVICES:
            extras = dict(extras)
            town = town_named(town_name)
            confidential = extras.pop("confidential", False)
            location = LocationFactory(
                municipality=town.name,
                state=town.state,
                latitude=f"{town.latitude:.6f}",
                longitude=f"{town.longitude:.6f}",
                is_confidential=confidential,
            )
            service = ServiceFactory(
                name=name,
                description=description,
                organization=location.organization,
                location=location,
                types=types,
                last_verified_at=timezone.now(),
                **extras,
            )
            service.populations.set([population(code) for code in populations])
            service.save()
            services[name] = service
    return services
