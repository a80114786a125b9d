"""Views outside Wagtail's page tree: error pages, robots.txt, the favicon
and uploaded files."""

from django.conf import settings
from django.http import (
    Http404,
    HttpResponse,
    HttpResponsePermanentRedirect,
    HttpResponseServerError,
)
from django.template import loader
from django.templatetags.static import static
from django.utils import translation
from django.views.decorators.cache import cache_control
from django.views.defaults import bad_request as django_bad_request
from django.views.defaults import permission_denied as django_permission_denied
from django.views.static import serve


def bad_request(request, exception):
    """400, in the language of the address asked for."""
    return django_bad_request(request, exception, template_name="400.html")


def permission_denied(request, exception):
    """403, in the language of the address asked for."""
    return django_permission_denied(request, exception, template_name="403.html")


def csrf_failure(request, reason=""):
    """A form sent without a valid security token (the page stayed open too
    long, or cookies are blocked): explain what to do, in the page's
    language, instead of Django's technical page."""
    template = loader.get_template("403_csrf.html")
    return HttpResponse(template.render({}, request), status=403)


def server_error(request):
    """The 500 page. It is rendered without context processors, database
    queries or the static files manifest (any of them may be what failed),
    in the request's language."""
    template = loader.get_template("500.html")
    body = template.render(
        {
            "LANGUAGE_CODE": translation.get_language(),
            # The unhashed name: whitenoise serves it too, manifest or not.
            "stylesheet": f"{settings.STATIC_URL}css/convivir.css",
        }
    )
    return HttpResponseServerError(body)


@cache_control(max_age=86400, public=True)
def robots_txt(request):
    """Crawlers may index everything public; the sitemap lists it."""
    lines = [
        "User-agent: *",
        "Disallow: /admin/",
        f"Sitemap: {settings.BASE_URL}/sitemap.xml",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain")


@cache_control(max_age=86400, public=True)
def favicon(request):
    """Browsers that ignore the page's icon link ask for /favicon.ico."""
    return HttpResponsePermanentRedirect(static("icons/favicon.svg"))


def media(request, path):
    """Uploaded files, when the site itself serves them (``SERVE_MEDIA``, on by
    default with DEBUG). In production a web server or object storage usually
    serves /media/ and requests never reach this view. Documents are never
    served from here: they go through Wagtail's /documents/ view, which
    enforces their privacy settings."""
    if not settings.SERVE_MEDIA or path.startswith("documents/"):
        raise Http404
    response = serve(request, path, document_root=settings.MEDIA_ROOT)
    response["Cache-Control"] = "public, max-age=604800"
    return response
