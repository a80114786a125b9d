"""``manage.py send_event_reminders``: the day-before reminder e-mails."""

from django.core.management.base import BaseCommand

from events import conf
from events.models import Registration


class Command(BaseCommand):
    help = (
        "E-mail every confirmed attendee whose event starts within "
        "EVENTS_REMINDER_HOURS (24), once each. Also runs every 15 minutes as a "
        "periodic job; running it again sends nothing twice."
    )

    def handle(self, *args, **options):
        sent = Registration.send_reminders()
        self.stdout.write(
            f"Sent {sent} reminder(s) for events starting within "
            f"{conf.reminder_hours()} hours."
        )
