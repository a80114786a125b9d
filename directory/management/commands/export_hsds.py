"""``manage.py export_hsds FOLDER``: write the directory as an HSDS 3.0 data
package (JSON and CSV)."""

from django.core.management.base import BaseCommand

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
                "contacts. Only for staff; never publish such a package."
            ),
        )

    def handle(self, folder, include_confidential=False, **options):
        counts = export_package(folder, include_confidential=include_confidential)
        for name, count in counts.items():
            self.stdout.write(f"{name}: {count}")
        if include_confidential:
            self.stdout.write(
                self.style.WARNING(
                    "This package holds confidential addresses: keep it private."
                )
            )
        self.stdout.write(self.style.SUCCESS(f"Package written to {folder}"))
