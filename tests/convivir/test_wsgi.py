"""The WSGI entry point gunicorn loads."""

import subprocess
import sys

from tests.convivir.test_settings import PROJECT, production_env


def test_what_the_worker_loads_is_kept_out_of_full_garbage_collections(tmp_path):
    code = (
        "import gc, convivir.wsgi as w; "
        "print(callable(w.application), gc.get_freeze_count())"
    )
    result = subprocess.run(  # noqa: S603 - our own module
        [sys.executable, "-c", code],
        cwd=PROJECT,
        env={"PATH": "/usr/bin:/bin", **production_env(tmp_path)},
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    loaded, frozen = result.stdout.split()
    assert loaded == "True"
    # Django, Wagtail, the apps and the URLs' views: hundreds of thousands
    # of objects the collector no longer walks.
    assert int(frozen) > 100_000
