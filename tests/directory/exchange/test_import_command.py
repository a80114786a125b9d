"""``manage.py import_hsds``: the summary line, the progress bar on a
terminal's stderr (none with ``--quiet`` or without a terminal), and the
importing user."""

import io

from django.core.management import call_command

import pytest

from directory.factories import ServiceFactory
from directory.models import Service
from tests.directory.exchange.helpers import export

pytestmark = pytest.mark.django_db


class Terminal(io.StringIO):
    def isatty(self):
        return True


@pytest.fixture
def package(tmp_path):
    ServiceFactory(name="Albergue Uno")
    ServiceFactory(name="Comedor Dos")
    export(tmp_path)
    Service.objects.all().delete()
    return tmp_path


def _call(*args, stderr):
    out = io.StringIO()
    call_command("import_hsds", *args, stdout=out, stderr=stderr)
    return out.getvalue()


def test_a_terminal_gets_a_progress_bar_on_stderr(package):
    stderr = Terminal()
    output = _call(str(package), stderr=stderr)
    assert "2 created, 0 updated, 0 unchanged, 0 skipped." in output
    assert "2/2" in stderr.getvalue() and "services" in stderr.getvalue()
    assert "2/2" not in output


@pytest.mark.parametrize(
    ("stderr", "args"), [(Terminal(), ["--quiet"]), (io.StringIO(), [])]
)
def test_no_progress_bar_when_quiet_or_not_a_terminal(package, stderr, args):
    _call(str(package), *args, stderr=stderr)
    assert stderr.getvalue() == ""
    assert Service.objects.count() == 2


def test_the_import_is_made_by_the_named_user(package, editor):
    _call(str(package), "--user", "edith", stderr=io.StringIO())
    service = Service.objects.get(name="Albergue Uno")
    assert service.latest_revision.user == editor
