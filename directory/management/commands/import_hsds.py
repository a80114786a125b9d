"""``manage.py import_hsds PATH``: upsert entries from an HSDS data package
(folder or ``services.json``) or from the CSV template. Every row is checked
first; with any problem nothing changes unless ``--partial``."""

from django.core.management.base import BaseCommand, CommandError

from directory.exchange import CSV_COLUMNS, ImportFailed, import_path
from directory.exchange.terms import read_taxonomy_map


class Command(BaseCommand):
    help = (
        "Import an HSDS 3.0 data package or the CSV template "
        f"(columns: {', '.join(CSV_COLUMNS)})."
    )

    def add_arguments(self, parser):
        parser.add_argument("path", help="Package folder, services.json or CSV file.")
        parser.add_argument(
            "--partial",
            action="store_true",
            help="Write the good rows even when others are wrong.",
        )
        parser.add_argument(
            "--taxonomy-map",
            metavar="FILE",
            help="CSV (their code,our code) or JSON object mapping the file's "
            "taxonomy codes to the directory's.",
        )

    def progress(self, done: int, total: int):
        width = 30
        filled = width * done // total
        ending = "\n" if done == total else ""
        self.stdout.write(
            f"\r[{'#' * filled}{'.' * (width - filled)}] {done}/{total}",
            ending=ending,
        )
        self.stdout.flush()

    def handle(self, path, partial=False, taxonomy_map=None, **options):
        try:
            mapping = read_taxonomy_map(taxonomy_map) if taxonomy_map else None
            report = import_path(
                path, partial=partial, progress=self.progress, taxonomy_map=mapping
            )
        except ImportFailed as error:
            raise CommandError(f"{error}. Nothing was imported.") from error
        for line in report.lines():
            self.stdout.write(self.style.ERROR(line))
        for line in report.warning_lines():
            self.stdout.write(self.style.WARNING(line))
        if not report.written:
            raise CommandError(
                f"{report.skipped} of {report.rows} rows have problems. "
                "Nothing was imported (use --partial to import the good rows)."
            )
        self.stdout.write(self.style.SUCCESS(report.summary()))
