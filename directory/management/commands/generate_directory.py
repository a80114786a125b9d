"""``manage.py generate_directory --count N``: fictional published entries
in bulk, for benchmarks."""

from django.core.management.base import BaseCommand

from directory.generate import generate


class Command(BaseCommand):
    help = "Create N fictional published services (bulk inserts), for benchmarks."

    def add_arguments(self, parser):
        parser.add_argument("--count", type=int, default=1000)
        parser.add_argument("--seed", type=int, default=1)

    def handle(self, count, seed, **options):
        created = generate(count, seed=seed)
        self.stdout.write(self.style.SUCCESS(f"{created} services created."))
