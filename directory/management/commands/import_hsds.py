"""``manage.py import_hsds PATH``: upsert entries from an HSDS data package
(folder or ``services.json``) or from the CSV template. Every row is checked
first; with any problem nothing changes unless ``--partial``. Changes are
published with a revision per changed service (``--as-draft``: drafts
submitted to moderation); ``--user`` names who imports (only a user who may
publish a confidential address can lift the flag, with the portal's own
extension). A progress bar goes to stderr on a terminal."""

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from tqdm import tqdm

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
        parser.add_argument(
            "--user",
            help="Username the import is made by (revisions, audit log); only a "
            "user who may publish confidential addresses can lift the flag.",
        )
        parser.add_argument(
            "--as-draft",
            action="store_true",
            help="Save changes as drafts submitted to moderation, not published.",
        )
        parser.add_argument("--quiet", action="store_true", help="No progress bar.")

    def handle(self, path, partial=False, taxonomy_map=None, **options):
        user = None
        if options.get("user"):
            model = get_user_model()
            user = model.objects.filter(
                **{model.USERNAME_FIELD: options["user"]}
            ).first()
            if user is None:
                raise CommandError(f"There is no user {options['user']!r}.")
        bar = None
        stderr = self.stderr._out
        if not options.get("quiet") and getattr(stderr, "isatty", lambda: False)():
            bar = tqdm(file=stderr, unit=" services", total=0)

        def progress(done, total):
            if bar.total != total:
                bar.reset(total=total)
            bar.update(done - bar.n)

        try:
            mapping = read_taxonomy_map(taxonomy_map) if taxonomy_map else None
            report = import_path(
                path,
                partial=partial,
                progress=progress if bar is not None else None,
                user=user,
                as_draft=options.get("as_draft", False),
                taxonomy_map=mapping,
            )
        except ImportFailed as error:
            raise CommandError(f"{error}. Nothing was imported.") from error
        finally:
            if bar is not None:
                bar.close()
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
