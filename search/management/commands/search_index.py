"""``manage.py search_index rebuild``: index every public object again
(after an upgrade, a change of the synonyms or the analysis, or to repair
the index); a progress bar on a terminal. On the database backend the new
index replaces the old in one transaction: searches see the old one until
the new one is whole."""

from django.core.management.base import BaseCommand, CommandError

from tqdm import tqdm

from search.indexing import rebuild
from search.registry import kind as kind_named
from search.registry import kinds


class Command(BaseCommand):
    help = "Rebuild the search index (every kind, or --kind)."

    def add_arguments(self, parser):
        parser.add_argument("action", choices=["rebuild"])
        parser.add_argument("--kind", action="append", help="Only this kind.")
        parser.add_argument("--quiet", action="store_true", help="No progress bar.")

    def handle(self, *args, **options):
        try:
            chosen = [kind_named(name) for name in options["kind"] or []] or kinds()
        except KeyError as error:
            names = ", ".join(kind.name for kind in kinds())
            raise CommandError(f"unknown kind {error}; known: {names}") from error
        stderr = self.stderr._out
        show = not options["quiet"] and getattr(stderr, "isatty", lambda: False)()
        for kind in chosen:
            bar = tqdm(file=stderr, unit=" entries", desc=kind.name) if show else None
            written = rebuild(kind.name, progress=bar.update if bar else lambda n: None)
            if bar:
                bar.close()
            self.stdout.write(f"{kind.name}: {written} indexed")
