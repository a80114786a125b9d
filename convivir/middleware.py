"""Request/response middleware of the site."""

from django.conf import settings
from django.db import connection
from django.http import HttpResponse

from csp.middleware import CSPMiddleware, PolicyParts


class ContentSecurityPolicyMiddleware(CSPMiddleware):
    """django-csp's middleware, with a second, looser policy for the Wagtail
    admin (which needs inline scripts and styles). Public pages keep the
    strict same-origin policy from ``CONTENT_SECURITY_POLICY``."""

    def get_policy_parts(self, request, response, report_only=False) -> PolicyParts:
        parts = super().get_policy_parts(request, response, report_only=report_only)
        if not report_only and parts.config is None and self._is_admin(request):
            parts.config = settings.CONTENT_SECURITY_POLICY_ADMIN
        return parts

    @staticmethod
    def _is_admin(request) -> bool:
        return request.path_info.startswith(
            tuple(settings.CONTENT_SECURITY_POLICY_ADMIN_PREFIXES)
        )


class HealthCheckMiddleware:
    """Answers ``/healthz`` before anything else runs, so a load balancer
    probing by IP address is not refused by ALLOWED_HOSTS: 200 "ok" when the
    database answers."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.path_info != "/healthz":
            return self.get_response(request)
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
        response = HttpResponse("ok", content_type="text/plain")
        response["Cache-Control"] = "no-store"
        return response


class PermissionsPolicyMiddleware:
    """The ``Permissions-Policy`` header (``PERMISSIONS_POLICY``) on every
    response: pages, the admin, the API and, placed before WhiteNoise, the
    static files. An embedded page can only be granted what it allows."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if settings.PERMISSIONS_POLICY:
            response.headers.setdefault(
                "Permissions-Policy", settings.PERMISSIONS_POLICY
            )
        return response
