"""``manage.py purge_old_emails``: delete old sent and failed messages."""

from django.conf import settings
from django.core.management.base import BaseCommand

from convivir.notifications import purge_old_emails


class Command(BaseCommand):
    help = (
        "Delete sent or failed e-mails older than NOTIFICATIONS_KEEP_DAYS days "
        "(also runs as a daily periodic job)."
    )

    def handle(self, *args, **options):
        deleted = purge_old_emails()
        self.stdout.write(
            f"Deleted {deleted} e-mail(s) older than "
            f"{settings.NOTIFICATIONS_KEEP_DAYS} days."
        )
