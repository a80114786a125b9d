"""Shared by the import tests: run a command, export the directory and edit
the exported file as a partner would."""

import io
import json

from django.core.management import call_command


def run(*args) -> str:
    out = io.StringIO()
    call_command(*args, stdout=out, stderr=io.StringIO())
    return out.getvalue()


def export(folder) -> list[dict]:
    run("export_hsds", str(folder))
    return json.loads((folder / "services.json").read_text())


def rewrite(folder, services: list[dict]):
    (folder / "services.json").write_text(json.dumps(services), encoding="utf-8")


def only_location(services: list[dict]) -> dict:
    (service,) = services
    (sal,) = service["service_at_locations"]
    return sal["location"]
