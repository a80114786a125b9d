"""The project's URLs plus a view that fails, to test the 500 page."""

from django.conf.urls.i18n import i18n_patterns
from django.core.exceptions import PermissionDenied
from django.urls import path

from convivir import urls as project_urls

handler400 = project_urls.handler400
handler403 = project_urls.handler403
handler500 = project_urls.handler500


def broken_view(request):
    raise RuntimeError("A failure for the 500 page test")


def forbidden_view(request):
    raise PermissionDenied


urlpatterns = [
    *i18n_patterns(
        path("broken/", broken_view),
        path("forbidden/", forbidden_view),
        prefix_default_language=True,
    ),
    *project_urls.urlpatterns,
]
