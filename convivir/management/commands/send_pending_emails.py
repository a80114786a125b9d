"""``manage.py send_pending_emails``: retry e-mail whose next attempt is due."""

from django.core.management.base import BaseCommand

from convivir.notifications import send_pending_emails


class Command(BaseCommand):
    help = (
        "Try again every e-mail waiting for a retry, or left queued by a lost "
        "task. The database task worker retries on its own; this command is for "
        "setups without one, and also runs as a periodic job."
    )

    def handle(self, *args, **options):
        counts = send_pending_emails()
        summary = ", ".join(f"{n} {status}" for status, n in sorted(counts.items()))
        self.stdout.write(summary or "Nothing to send.")
