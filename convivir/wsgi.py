"""WSGI entry point for gunicorn: ``gunicorn convivir.wsgi``.

What is loaded here (Django, Wagtail, the apps, the URLs and their views)
lives as long as the worker, so it is moved out of the garbage collector's
reach (``gc.freeze()``): otherwise every full collection, every few dozen
requests, walks all of it, and that request waits about 100 ms more."""

import gc
import os

from django.core.wsgi import get_wsgi_application
from django.urls import get_resolver

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "convivir.settings")

application = get_wsgi_application()
get_resolver().url_patterns  # noqa: B018 - the URLs and views, loaded now
gc.freeze()
