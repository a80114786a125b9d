from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path, re_path

from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.contrib.sitemaps.views import sitemap
from wagtail.documents import urls as wagtaildocs_urls

from anymail.webhooks.postmark import PostmarkTrackingWebhookView

from convivir import abuse, routing, views
from convivir.offline import views as offline_views
from convivir.sitemaps import TranslatedSitemap

handler400 = "convivir.views.bad_request"
handler403 = "convivir.views.permission_denied"
handler500 = "convivir.views.server_error"

urlpatterns = [
    # Ahead of Wagtail's own, which it replaces: the same form, rate limited.
    path("admin/password_reset/", abuse.PasswordResetView.as_view()),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path(
        "sitemap.xml",
        sitemap,
        {"sitemaps": {"pages": TranslatedSitemap}},
        name="sitemap",
    ),
    path("robots.txt", views.robots_txt, name="robots_txt"),
    path("favicon.ico", views.favicon, name="favicon"),
    # At the root, so that the worker's scope is the whole site.
    path("sw.js", offline_views.service_worker, name="service_worker"),
    path("manifest.webmanifest", offline_views.manifest, name="manifest"),
    # The e-mail provider's tracking webhook (bounces, complaints), protected
    # by ANYMAIL_WEBHOOK_SECRET. Only the provider in use is routed: the
    # other providers' views would answer requests meant for nobody.
    path(
        "anymail/postmark/tracking/",
        PostmarkTrackingWebhookView.as_view(),
        name="postmark_tracking_webhook",
    ),
    re_path(r"^media/(?P<path>.*)$", views.media, name="media"),
    path("api/hsds/", include("directory.urls")),
]

# Every public page lives under its language: /es/…, /en/…. A request for
# "/" is redirected by LocaleMiddleware using the Accept-Language header.
urlpatterns += i18n_patterns(
    path("", include("convivir.privacy.urls")),
    path("", include("convivir.offline.urls")),
    path("", include("networks.urls")),
    path("", include("campaigns.urls")),
    path("", include("events.urls")),
    path("", include("search.urls")),
    # Wagtail's page view with fewer queries to find the page; Wagtail's
    # own pattern (the same) still names page addresses.
    re_path(wagtail_urls.serve_pattern, routing.serve),
    path("", include(wagtail_urls)),
    prefix_default_language=True,
)
