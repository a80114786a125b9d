"""What pyproject.toml cannot say: the site's shared front end (``site/``:
templates, static files, translations; no Python, see ARCHITECTURE) ships
inside the wheel as ``convivir/site/``, beside every app with its
templates, static files, translations and migrations."""

from setuptools import find_namespace_packages, setup

APPS = ["convivir", "campaigns", "directory", "events", "networks", "search"]
SKIP = ["*.__pycache__", "*.__pycache__.*"]

setup(
    packages=[
        *find_namespace_packages(
            include=[name for app in APPS for name in (app, f"{app}.*")], exclude=SKIP
        ),
        "convivir.site",
        *(
            f"convivir.site.{name}"
            for name in find_namespace_packages(where="site", exclude=SKIP)
        ),
    ],
    package_dir={"convivir.site": "site"},
)
