"""The wheel built from pyproject.toml ships the whole site: every app with
its migrations, templates, static files and compiled translations, and the
shared front end (site/ as convivir/site/), and nothing of the tests."""

import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

from django.conf import settings

import pytest

ROOT = Path(settings.BASE_DIR)
APPS = ["convivir", "campaigns", "directory", "events", "networks"]


# What a build copies from the checkout: the sources, not what runs make.
LEFT_OUT = shutil.ignore_patterns(
    ".git",
    ".venv",
    "node_modules",
    "build",
    "dist",
    "*.egg-info",
    "__pycache__",
    "var",
    "media",
    "static_collected",
    "test-artifacts",
    "db.sqlite3*",
    ".pytest_cache",
    ".ruff_cache",
)


@pytest.fixture(scope="module")
def wheel_files(tmp_path_factory) -> set[str]:
    # Built from a clean copy: an earlier build's leftovers (build/lib) must
    # not reach the wheel, nor the test leave any in the checkout.
    source = tmp_path_factory.mktemp("source") / "convivir"
    shutil.copytree(ROOT, source, ignore=LEFT_OUT)
    out = tmp_path_factory.mktemp("wheel")
    subprocess.run(  # noqa: S603 - our own interpreter, fixed arguments
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--no-deps",
            "--no-build-isolation",
            "--quiet",
            "--wheel-dir",
            str(out),
            str(source),
        ],
        check=True,
        capture_output=True,
    )
    (wheel,) = out.glob("convivir-*.whl")
    return set(zipfile.ZipFile(wheel).namelist())


def _files(folder: str) -> list[str]:
    """The files under ``folder`` of the checkout, as paths from its root."""
    return [
        str(path.relative_to(ROOT))
        for path in (ROOT / folder).rglob("*")
        if path.is_file() and "__pycache__" not in path.parts
    ]


@pytest.mark.parametrize("app", APPS)
def test_every_app_ships_its_code_migrations_templates_and_translations(
    wheel_files, app
):
    assert (
        f"{app}/models.py" in wheel_files or f"{app}/models/__init__.py" in wheel_files
    )
    assert f"{app}/migrations/0001_initial.py" in wheel_files
    # The core's strings are in the shared front end's catalogs.
    if app != "convivir":
        assert f"{app}/locale/es/LC_MESSAGES/django.mo" in wheel_files
    templates = _files(f"{app}/templates")
    assert templates
    assert [path for path in templates if path not in wheel_files] == []


def test_the_shared_front_end_ships_as_convivir_site(wheel_files):
    site = _files("site")
    assert site
    assert [path for path in site if "convivir/" + path not in wheel_files] == []
    assert "convivir/site/locale/es/LC_MESSAGES/django.mo" in wheel_files


def test_nothing_of_the_tests_or_the_checkout_ships(wheel_files):
    assert not [
        path
        for path in wheel_files
        if path.startswith(("tests/", "benchmarks/", "site/")) or "__pycache__" in path
    ]
