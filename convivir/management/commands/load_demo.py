"""``manage.py load_demo``: build the demo site and an admin account."""

import logging
import secrets

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils.module_loading import autodiscover_modules

from convivir.demo.base import demo_loaders


class Command(BaseCommand):
    help = (
        "Build a realistic demo site in Spanish and English (idempotent: running "
        "it again changes nothing) and an 'admin' account whose login is printed "
        "and kept in var/demo-login.txt."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--allow-production",
            action="store_true",
            help="Load the demo even though DEBUG is off.",
        )

    def handle(self, *args, allow_production=False, **options):
        if not settings.DEBUG and not allow_production:
            raise CommandError(
                "DEBUG is off: this looks like a real site. Demo content and a demo "
                "admin account do not belong there. Use --allow-production to load "
                "them anyway (for a staging site)."
            )
        autodiscover_modules("demo")
        # Publishing dozens of pages logs a line each; keep the output short.
        logging.disable(logging.INFO)
        try:
            with transaction.atomic():
                for loader in demo_loaders:
                    self.stdout.write(f"Loading demo: {loader.name}")
                    loader.load(stdout=self.stdout)
        finally:
            logging.disable(logging.NOTSET)
        self.stdout.write(self.style.SUCCESS(self.admin_login()))

    def admin_login(self) -> str:
        """Create the demo admin once, with a random password kept in
        ``var/demo-login.txt`` (outside the repository)."""
        login_file = settings.VAR_DIR / "demo-login.txt"
        User = get_user_model()
        user = User.objects.filter(username="admin").first()
        if user is None:
            password = secrets.token_urlsafe(12)
            User.objects.create_superuser(
                username="admin",
                email="admin@convivir.example",
                password=password,
                first_name="Admin",
                last_name="Convivir",
            )
            login_file.parent.mkdir(parents=True, exist_ok=True)
            login_file.write_text(f"user: admin  password: {password}\n")
            login_file.chmod(0o600)
        if login_file.exists():
            credentials = login_file.read_text().strip()
            return f"Admin: {settings.BASE_URL}/admin/  {credentials}"
        return (
            "The 'admin' account already exists; its password was not changed. "
            "Set one with: manage.py changepassword admin"
        )
