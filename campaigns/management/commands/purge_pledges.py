from django.core.management.base import BaseCommand

from campaigns import conf
from campaigns.models import Pledge


class Command(BaseCommand):
    help = "Delete campaign pledges never confirmed within the retention period."

    def handle(self, *args, **options):
        deleted = Pledge.purge()
        self.stdout.write(
            f"Deleted {deleted} unconfirmed pledge(s) older than "
            f"{conf.unconfirmed_retention_days()} days."
        )
