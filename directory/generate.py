"""Fictional entries in bulk, for benchmarks and load tests
(``manage.py generate_directory --count N``): a few queries per thousand
entries, whatever N."""

import random
import uuid
from datetime import time, timedelta

from django.db import connection, transaction
from django.utils import timezone

from directory.indexing import reindex_services
from directory.models import (
    POPULATIONS,
    SERVICE_TYPES,
    Location,
    Organization,
    Phone,
    Schedule,
    Service,
    ServiceAtLocation,
    TaxonomyTerm,
    town_slug,
)

TOWNS = [
    ("Tapachula", "chiapas", 14.905, -92.263),
    ("Ciudad Hidalgo", "chiapas", 14.679, -92.151),
    ("Huixtla", "chiapas", 15.139, -92.465),
    ("Arriaga", "chiapas", 16.236, -93.900),
    ("Tuxtla Gutiérrez", "chiapas", 16.753, -93.116),
    ("San Cristóbal de las Casas", "chiapas", 16.737, -92.638),
    ("Palenque", "chiapas", 17.509, -91.982),
    ("Ciudad Ixtepec", "oaxaca", 16.561, -95.101),
    ("Juchitán de Zaragoza", "oaxaca", 16.433, -95.020),
    ("Matías Romero", "oaxaca", 16.879, -95.039),
    ("Tenosique", "tabasco", 17.474, -91.423),
    ("Villahermosa", "tabasco", 17.989, -92.947),
]
KINDS = ["Albergue", "Comedor", "Clínica", "Asesoría", "Casa", "Centro"]
BATCH = 2000


def generate(count: int, seed: int = 1) -> int:
    """Create ``count`` published services, each with its organisation,
    location, phone and weekday schedule; returns how many."""
    rng = random.Random(seed)  # noqa: S311 - fictional data
    types = list(TaxonomyTerm.objects.filter(taxonomy__key=SERVICE_TYPES))
    populations = list(TaxonomyTerm.objects.filter(taxonomy__key=POPULATIONS))
    now = timezone.now()
    start = Service.objects.count()
    through_types = Service.service_types.through
    through_populations = Service.populations.through
    for offset in range(0, count, BATCH):
        organizations, locations, services, sals = [], [], [], []
        phones, schedules, type_links, population_links = [], [], [], []
        for n in range(start + offset, start + min(count, offset + BATCH)):
            town, state, lat, lon = rng.choice(TOWNS)
            organization = Organization(
                id=uuid.uuid4(),
                name=f"Organización {n}",
                slug=f"organizacion-generada-{n}",
                description="Organización ficticia generada para pruebas.",
            )
            location = Location(
                id=uuid.uuid4(),
                organization=organization,
                name=f"Sede {n}",
                address_1=f"Calle {rng.randint(1, 99)} número {rng.randint(1, 999)}",
                municipality=town,
                state=state,
                latitude=round(lat + rng.uniform(-0.03, 0.03), 6),
                longitude=round(lon + rng.uniform(-0.03, 0.03), 6),
                is_confidential=rng.random() < 0.05,
            )
            location.town = town_slug(town)
            service = Service(
                id=uuid.uuid4(),
                organization=organization,
                name=f"{rng.choice(KINDS)} {n}",
                slug=f"servicio-generado-{n}",
                description="Servicio ficticio generado para pruebas.",
                live=True,
                languages=["es"],
                last_verified_at=now - timedelta(days=rng.randint(0, 200)),
                created_at=now,
            )
            organizations.append(organization)
            locations.append(location)
            services.append(service)
            sals.append(
                ServiceAtLocation(id=uuid.uuid4(), service=service, location=location)
            )
            phones.append(
                Phone(
                    id=uuid.uuid4(),
                    service=service,
                    number=f"+52962555{n % 10000:04d}",
                    whatsapp=rng.random() < 0.6,
                )
            )
            schedules += [
                Schedule(
                    id=uuid.uuid4(),
                    service=service,
                    weekday=day,
                    opens_at=time(9),
                    closes_at=time(17),
                    sort_order=day,
                )
                for day in range(5)
            ]
            type_links += [
                through_types(service_id=service.id, taxonomyterm_id=term.id)
                for term in rng.sample(types, 2)
            ]
            population_links.append(
                through_populations(
                    service_id=service.id, taxonomyterm_id=rng.choice(populations).id
                )
            )
        with transaction.atomic():
            Organization.objects.bulk_create(organizations)
            Location.objects.bulk_create(locations)
            Service.objects.bulk_create(services)
            ServiceAtLocation.objects.bulk_create(sals)
            Phone.objects.bulk_create(phones)
            Schedule.objects.bulk_create(schedules)
            through_types.objects.bulk_create(type_links)
            through_populations.objects.bulk_create(population_links)
            reindex_services([service.id for service in services])
    if connection.vendor == "postgresql":
        # Fresh statistics, or the planner reads thousands of new rows as
        # none and the search plans take seconds; outside a transaction also
        # VACUUM, which moves the new words out of the trigram index's
        # pending list (until then every typo lookup reads the whole list).
        with connection.cursor() as cursor:
            vacuum = "" if connection.in_atomic_block else "VACUUM "
            cursor.execute(f"{vacuum}ANALYZE")
    return count
