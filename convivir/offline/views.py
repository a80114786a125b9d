"""The manifest, the service worker and the offline page."""

import hashlib
import json

from django.conf import settings
from django.http import JsonResponse
from django.shortcuts import render
from django.templatetags.static import static
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext
from django.views.decorators.cache import cache_control

from convivir.offline import OFFLINE_HEADER

# The app shell: what every kept page needs to show without a signal.
SHELL = ("css/convivir.css", "js/convivir.js", "icons/favicon.svg")
# Bumped when the worker's own logic changes; the static files' hashed
# names change the version by themselves.
WORKER_REVISION = "1"


def _offline_urls() -> dict[str, str]:
    urls = {}
    for code, _name in settings.LANGUAGES:
        with translation.override(code):
            urls[code] = reverse("offline:page")
    return urls


@cache_control(max_age=0, no_cache=True)
def service_worker(request):
    """The worker, at the site's root so that its scope is the whole site.
    Browsers check it for changes on each visit (``no-cache``)."""
    shell = [static(name) for name in SHELL]
    offline = _offline_urls()
    version = hashlib.sha256(
        json.dumps([WORKER_REVISION, shell, offline]).encode()
    ).hexdigest()[:12]
    return render(
        request,
        "convivir/offline/service_worker.js",
        {
            "version": version,
            "shell": json.dumps([*shell, *offline.values()]),
            "offline": json.dumps(offline),
            "header": OFFLINE_HEADER,
        },
        content_type="text/javascript; charset=utf-8",
    )


@cache_control(max_age=86400, public=True)
def manifest(request):
    """The web app manifest: "add to home screen" opens the directory."""
    data = {
        "name": "Convivir",
        "short_name": "Convivir",
        "description": gettext(
            "Help, events and volunteering for people in transit and the "
            "communities that welcome them."
        ),
        "lang": translation.get_language(),
        "start_url": "/",
        "scope": "/",
        "display": "standalone",
        "background_color": "#ffffff",
        "theme_color": "#095050",
        "icons": [
            {
                "src": static("icons/favicon.svg"),
                "sizes": "any",
                "type": "image/svg+xml",
            },
            {
                "src": static("icons/icon-192.png"),
                "sizes": "192x192",
                "type": "image/png",
            },
            {
                "src": static("icons/icon-512.png"),
                "sizes": "512x512",
                "type": "image/png",
            },
        ],
    }
    return JsonResponse(data, content_type="application/manifest+json")


def offline_page(request):
    """What the worker shows for a page it has not kept, without a signal:
    the pages kept on this phone (listed by the script from the worker's
    cache) and how to keep a town's."""
    return render(request, "convivir/offline/offline.html", {})
