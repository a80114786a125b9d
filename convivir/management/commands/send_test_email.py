"""``manage.py send_test_email ADDRESS``: check that the site can send e-mail."""

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.core.validators import validate_email

from convivir.models import OutgoingEmail
from convivir.notifications import send_notification


class Command(BaseCommand):
    help = "Send a short test message through the configured e-mail backend."

    def add_arguments(self, parser):
        parser.add_argument("address")
        parser.add_argument("--language", default="es", choices=["es", "en"])

    def handle(self, address, language, **options):
        try:
            validate_email(address)
        except ValidationError:
            raise CommandError(f"{address!r} is not an e-mail address.") from None
        email = send_notification(
            to=address,
            template="convivir/email/test_message",
            context={},
            language=language,
        )
        email.refresh_from_db()
        if email.status == OutgoingEmail.Status.SENT:
            self.stdout.write(self.style.SUCCESS(f"Sent: {email.subject}"))
        elif email.status == OutgoingEmail.Status.QUEUED:
            self.stdout.write(f"Queued for the task worker (message {email.pk}).")
        else:
            raise CommandError(f"Not sent ({email.status}): {email.last_error}")
