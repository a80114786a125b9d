"""``manage.py purge_event_registrations``: delete registrants' personal
data that is no longer needed."""

from django.core.management.base import BaseCommand

from events import conf
from events.models import Registration


class Command(BaseCommand):
    help = (
        "Delete the name, e-mail, phone and accessibility needs of registrations "
        "whose event ended more than EVENTS_RETENTION_DAYS (30) ago, keeping the "
        "anonymous counts (seats, status, attendance). Each occurrence purged is "
        "written to the audit log. Also runs daily as a periodic job."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--dry-run",
            action="store_true",
            help="Only count what would be cleared.",
        )

    def handle(self, *args, dry_run=False, **options):
        if dry_run:
            count = Registration.objects.due_for_purge().count()
            self.stdout.write(f"{count} registration(s) would be cleared.")
            return
        count = Registration.purge()
        self.stdout.write(
            f"Cleared the personal data of {count} registration(s) "
            f"(events ended more than {conf.retention_days()} days ago)."
        )
