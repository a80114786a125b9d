"""``manage.py export_hsds FOLDER``: write the directory as an HSDS 3.0 data
package (JSON and CSV)."""

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from directory import confidentiality
from directory.exchange import export_package


class Command(BaseCommand):
    help = "Write the public directory as an HSDS 3.0 data package (JSON and CSV)."

    def add_arguments(self, parser):
        parser.add_argument("folder", help="Where to write the package.")
        parser.add_argument(
            "--include-confidential",
            action="store_true",
            help=(
                "Include confidential addresses, coordinates and service "
                "contacts. Only for staff; never publish such a package. "
                "Needs --user."
            ),
        )
        parser.add_argument(
            "--all",
            action="store_true",
            dest="include_all",
            help=(
                "A full backup: also entries hidden because not verified for "
                "too long, and unpublished ones (datapackage.json says so)."
            ),
        )
        parser.add_argument(
            "--user",
            help=(
                "Username of the staff member exporting confidential addresses "
                "(must hold “Can see confidential locations”; the export is "
                "written to the audit log under their name)."
            ),
        )

    def handle(
        self,
        folder,
        include_confidential=False,
        user=None,
        include_all=False,
        **options,
    ):
        staff = None
        if include_confidential:
            if not user:
                raise CommandError("--include-confidential needs --user USERNAME.")
            staff = get_user_model().objects.filter(username=user).first()
            if not confidentiality.can_see(staff):
                raise CommandError(
                    f"{user} may not see confidential locations: nothing exported."
                )
        counts = export_package(
            folder,
            include_confidential=include_confidential,
            user=staff,
            include_all=include_all,
        )
        for name, count in counts.items():
            self.stdout.write(f"{name}: {count}")
        if include_confidential:
            self.stdout.write(
                self.style.WARNING(
                    "This package holds confidential addresses: keep it private."
                )
            )
        self.stdout.write(self.style.SUCCESS(f"Package written to {folder}"))
