"""The data the load benchmark runs on, added to the demo once: 20,000
services, 2,000 dated events with 20,000 registrations, 5,000 volunteers."""

from datetime import timedelta

from django.db import transaction
from django.db.models import Count
from django.utils import timezone

SERVICES = 20_000
VOLUNTEERS = 5_000


def fill() -> str:
    from benchmarks.bench_events import _busy_month
    from directory.generate import generate
    from directory.models import Service
    from events.models import Occurrence, Registration
    from networks.factories import VolunteerFactory
    from networks.models import ProtectionNetwork, Volunteer

    if (missing := SERVICES - Service.objects.count()) > 0:
        generate(missing, seed=7)
    if not Occurrence.objects.filter(page__title__startswith="Evento de").exists():
        _busy_month()
    networks = list(ProtectionNetwork.objects.all())
    with transaction.atomic():
        while (count := Volunteer.objects.count()) < VOLUNTEERS:
            Volunteer.objects.bulk_create(
                [
                    VolunteerFactory.build(network=networks[n % len(networks)])
                    for n in range(min(500, VOLUNTEERS - count))
                ]
            )
    return (
        f"{Service.objects.count():,} services, {Occurrence.objects.count():,} "
        f"dated events, {Registration.objects.count():,} registrations, "
        f"{Volunteer.objects.count():,} volunteers"
    )


def busiest_town() -> tuple[str, int]:
    from directory.models import Location

    row = Location.objects.values("town").annotate(n=Count("id")).order_by("-n").first()
    return row["town"], row["n"]


def rush_occurrence(seats: int):
    """A date open for registration, with ``seats`` seats and a waiting
    list, and nobody registered yet."""
    from events.models import EventPage, Occurrence

    page = EventPage.objects.live().filter(title__startswith="Evento de").first()
    EventPage.objects.filter(pk=page.pk).update(registration_enabled=True)
    start = timezone.now() + timedelta(days=5)
    return Occurrence.objects.create(
        page=page,
        start=start,
        end=start + timedelta(hours=2),
        capacity=seats,
        waiting_list=True,
    )
