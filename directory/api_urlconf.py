"""A URLconf with the API alone, without language prefixes. The API's "not
found" answers use it (see :func:`directory.api.api_view`) so Django's
LocaleMiddleware does not turn them into redirects to ``/es/api/…``."""

from django.urls import include, path

urlpatterns = [path("api/hsds/", include("directory.urls"))]
