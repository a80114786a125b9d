"""``manage.py purge_volunteers``: delete personal data that is due."""

from django.core.management.base import BaseCommand

from networks import conf
from networks.models import Volunteer


class Command(BaseCommand):
    help = (
        "Delete volunteer sign-ups never confirmed within "
        "NETWORKS_UNCONFIRMED_RETENTION_DAYS (14) and inactive or declined "
        "volunteers untouched for NETWORKS_INACTIVE_RETENTION_MONTHS (24). Each "
        "deletion is written to the audit log. Also runs daily as a periodic job."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--dry-run",
            action="store_true",
            help="Only count what would be deleted.",
        )

    def handle(self, *args, dry_run=False, **options):
        if dry_run:
            count = Volunteer.objects.due_for_purge().count()
            self.stdout.write(f"{count} volunteer record(s) would be deleted.")
            return
        count = Volunteer.purge()
        self.stdout.write(
            f"Deleted {count} volunteer record(s) "
            f"(unconfirmed after {conf.unconfirmed_retention_days()} days, inactive "
            f"after {conf.inactive_retention_months()} months)."
        )
