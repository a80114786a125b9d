"""Export, import into an empty directory, export again: the same package.
The full backup (``--all --include-confidential``, imported ``--user`` by
someone who may publish addresses) of the demo, and the public export of a
generated corpus of 2,000 services."""

import csv
import json
from pathlib import Path

import pytest

from directory.exchange import export_package, import_path
from directory.generate import generate
from directory.models import Location, Organization, Service

# Set when a record is written (not a fact of the entry), and when the
# package was made.
WRITTEN_AT = {"last_modified", "created"}


def _package(folder: Path) -> dict:
    """Every file of the package, parsed, without the moments of writing."""

    def strip(value):
        if isinstance(value, dict):
            return {k: strip(v) for k, v in value.items() if k not in WRITTEN_AT}
        if isinstance(value, list):
            return [strip(v) for v in value]
        return value

    files = {}
    for path in sorted(folder.iterdir()):
        if path.suffix == ".json":
            files[path.name] = strip(json.loads(path.read_text(encoding="utf-8")))
        else:
            with path.open(encoding="utf-8", newline="") as handle:
                rows = [strip(row) for row in csv.DictReader(handle)]
            files[path.name] = sorted(rows, key=lambda row: json.dumps(row))
    return files


def _empty_directory():
    Service.objects.all().delete()
    Organization.objects.all().delete()


def _differences(first: dict, second: dict) -> list[str]:
    problems = [f"{name} only in one" for name in set(first) ^ set(second)]
    for name in sorted(set(first) & set(second)):
        if first[name] != second[name]:
            before, after = first[name], second[name]
            if isinstance(before, list) and isinstance(after, list):
                for old, new in zip(before, after, strict=False):
                    if old != new:
                        problems.append(f"{name}: {old} != {new}")
                        break
                if len(before) != len(after):
                    problems.append(f"{name}: {len(before)} != {len(after)} rows")
            else:
                problems.append(f"{name} differs")
    return problems


def test_the_demos_full_backup_comes_back_the_same(demo_site, admin_user, tmp_path):
    first, second = tmp_path / "first", tmp_path / "second"
    counts = export_package(
        first, include_confidential=True, user=admin_user, include_all=True
    )
    assert counts["services"] >= 30
    confidential = set(
        Location.objects.filter(is_confidential=True).values_list("pk", "address_1")
    )
    assert confidential
    _empty_directory()
    report = import_path(first, user=admin_user)
    assert report.lines() == []
    assert report.created == counts["services"]
    # The confidential places come back confidential, with their addresses.
    assert confidential == set(
        Location.objects.filter(is_confidential=True).values_list("pk", "address_1")
    )
    export_package(second, include_confidential=True, user=admin_user, include_all=True)
    assert _differences(_package(first), _package(second)) == []


@pytest.mark.django_db
def test_a_generated_corpus_comes_back_the_same(tmp_path):
    generate(2000, seed=7)
    first, second = tmp_path / "first", tmp_path / "second"
    counts = export_package(first)
    assert counts["services"] == 2000
    _empty_directory()
    report = import_path(first)
    assert report.lines() == []
    assert (report.created, report.updated) == (2000, 0)
    export_package(second)
    assert _differences(_package(first), _package(second)) == []
    # And once more changes nothing.
    again = import_path(second)
    assert (again.created, again.updated, again.unchanged) == (0, 0, 2000)
