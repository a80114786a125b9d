"""Convivir's one settings module, read from the environment.

Every value a deployment may change comes from an environment variable with a
typed default that is safe for a developer's machine. Nothing secret lives in
the repository: ``SECRET_KEY`` is required as soon as ``DEBUG`` is off.
See the README's "Production settings" for the full list.
"""

import os
from datetime import timedelta
from pathlib import Path

from django.core.exceptions import ImproperlyConfigured

import dj_database_url

from convivir.env import (
    env_bool,
    env_int,
    env_list,
    env_str,
    parse_cache_url,
)

BASE_DIR = Path(__file__).resolve().parent.parent
# The site's shared front end: templates, static assets and translations;
# site/ in a checkout, convivir/site/ when installed from the wheel.
SITE_DIR = next(
    (
        path
        for path in (BASE_DIR / "site", Path(__file__).parent / "site")
        if path.is_dir()
    ),
    BASE_DIR / "site",
)
VAR_DIR = Path(env_str("VAR_DIR", str(BASE_DIR / "var")))

DEBUG = env_bool("DEBUG", False)

SECRET_KEY = env_str("SECRET_KEY", "")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured(
            "SECRET_KEY is not set. Set the SECRET_KEY environment variable to a "
            "long random value (python -c 'import secrets; "
            "print(secrets.token_urlsafe(50))'), or set DEBUG=true for local "
            "development."
        )
    # Only ever used with DEBUG on, on a developer's machine.
    SECRET_KEY = "insecure-development-key-do-not-use-in-production"  # noqa: S105

ALLOWED_HOSTS = env_list(
    "ALLOWED_HOSTS", ["localhost", "127.0.0.1", "[::1]"] if DEBUG else []
)
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", [])

# Public base URL, used in e-mails and in the admin's notifications.
BASE_URL = env_str("BASE_URL", "http://127.0.0.1:8000").rstrip("/")
WAGTAILADMIN_BASE_URL = BASE_URL

INSTALLED_APPS = [
    "convivir",
    "networks",
    "campaigns",
    "events",
    "directory",
    "search",
    "wagtail_localize",
    "wagtail_localize.locales",
    "wagtail.contrib.redirects",
    "wagtail.contrib.routable_page",
    "wagtail.contrib.settings",
    "wagtail.contrib.sitemaps",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_filters",
    "anymail",
    "csp",
    # Only for Leaflet's static files (the directory's map).
    "leaflet",
    "django_tasks",
    "django_tasks_db",
    "axes",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    # Widget templates for the public forms' own renderer.
    "django.forms",
]

MIDDLEWARE = [
    "convivir.middleware.HealthCheckMiddleware",
    "django.middleware.security.SecurityMiddleware",
    # Before WhiteNoise, so static files get the header too.
    "convivir.middleware.PermissionsPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Pages compressed for the clients that accept it, after every other
    # middleware has written the body; random padding against BREACH (see
    # the README on proxies). Static files come compressed from WhiteNoise.
    "django.middleware.gzip.GZipMiddleware",
    # Whole pages for visitors without a session (convivir/pagecache.py),
    # before the session, the language and the views run.
    "convivir.pagecache.PageCacheMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "convivir.middleware.ContentSecurityPolicyMiddleware",
    # The Wagtail site of the request's host, from the cache.
    "convivir.site_facts.SiteMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    # Last, as django-axes asks: turns a locked-out sign-in into the 429 page.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "convivir.urls"
WSGI_APPLICATION = "convivir.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [SITE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
                # One form token per page (kept pages get each visitor's).
                "convivir.pagecache.csrf_token",
            ],
        },
    },
    {
        # Plain-text e-mail (subjects and text bodies): the same templates,
        # without HTML escaping, so "Salud & Derechos" stays as written.
        "NAME": "text",
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [SITE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {"autoescape": False},
    },
]

# Database: SQLite by default, PostgreSQL in production and CI. Each worker
# keeps its connection for DATABASE_CONN_MAX_AGE seconds (a new PostgreSQL
# connection per request costs more than most pages), checked before reuse.
# DATABASE_POOL=true uses psycopg's pool instead (for threaded workers).
DATABASES = {
    "default": dj_database_url.parse(
        env_str("DATABASE_URL", f"sqlite:///{BASE_DIR / 'db.sqlite3'}"),
        conn_max_age=env_int("DATABASE_CONN_MAX_AGE", 0 if DEBUG else 600),
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    _options = DATABASES["default"].setdefault("OPTIONS", {})
    # The directory's search sorts and counts every match in memory; at the
    # default 4 MB it spills to disk from about 10,000 entries.
    _options["options"] = f"-c work_mem={env_str('DATABASE_WORK_MEM', '32MB')}"
    if env_bool("DATABASE_POOL", False):
        _options["pool"] = {
            "min_size": env_int("DATABASE_POOL_MIN", 2),
            "max_size": env_int("DATABASE_POOL_MAX", 10),
        }
        DATABASES["default"]["CONN_MAX_AGE"] = 0
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # Concurrent writers (the dev server and the task worker) wait instead of
    # failing with "database is locked".
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        {"timeout": 20, "transaction_mode": "IMMEDIATE"}
    )
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Cache (local memory by default, Redis in production: redis://host:6379/0).
CACHES = {"default": parse_cache_url(env_str("CACHE_URL", "locmem://"))}
# Whole pages kept for visitors without a session (convivir/pagecache.py),
# at most this many seconds; 0 turns it off. Never under these prefixes.
PAGE_CACHE_SECONDS = env_int("PAGE_CACHE_SECONDS", 0 if DEBUG else 300)
PAGE_CACHE_SKIP_PREFIXES = ["/admin/", "/documents/", "/media/", "/static/"]
# Each worker also keeps the pages it served last in its own memory (this
# many bytes at most) and trusts the generations it read for this many
# seconds: a change made in another worker is seen within them. 0: off.
PAGE_CACHE_LOCAL_SECONDS = env_int("PAGE_CACHE_LOCAL_SECONDS", 1)
PAGE_CACHE_LOCAL_BYTES = env_int("PAGE_CACHE_LOCAL_BYTES", 16 * 1024 * 1024)
# Seconds a home page section is kept at most (convivir/sections.py): what
# moves with the clock, like the next events; 0: never kept.
HOME_SECTIONS_SECONDS = env_int("HOME_SECTIONS_SECONDS", 300)
# A caching proxy or CDN in front (see the README): Wagtail purges a page's
# addresses there when it is published, unpublished or moved (in a task).
WAGTAILFRONTENDCACHE = {}
if purge_url := env_str("FRONTEND_CACHE_PURGE_URL", ""):
    WAGTAILFRONTENDCACHE["proxy"] = {
        "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
        "LOCATION": purge_url,
    }
if zone := env_str("CLOUDFLARE_ZONE_ID", ""):
    WAGTAILFRONTENDCACHE["cloudflare"] = {
        "BACKEND": "wagtail.contrib.frontend_cache.backends.CloudflareBackend",
        "ZONEID": zone,
        "BEARER_TOKEN": env_str("CLOUDFLARE_BEARER_TOKEN", ""),
    }
if WAGTAILFRONTENDCACHE:
    INSTALLED_APPS.append("wagtail.contrib.frontend_cache")

AUTH_PASSWORD_VALIDATORS = [
    {
        "NAME": "django.contrib.auth.password_validation."
        "UserAttributeSimilarityValidator"
    },
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 10},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Languages: Spanish (Mexico) first, English second. URLs carry the language
# (/es/…, /en/…); content is translated with wagtail-localize. The code is
# "es" rather than "es-mx" because Django and Wagtail build URL prefixes from
# the active language code, and outside a request that is LANGUAGE_CODE: with
# "es-mx" links in e-mails and the sitemap would point to /es-mx/. Mexican
# conventions (decimal point, date order) come from convivir/formats/es/.
LANGUAGE_CODE = "es"
LANGUAGES = [
    ("es", "Español"),
    ("en", "English"),
]
WAGTAIL_I18N_ENABLED = True
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
WAGTAILADMIN_PERMITTED_LANGUAGES = LANGUAGES
LOCALE_PATHS = [SITE_DIR / "locale"]
FORMAT_MODULE_PATH = ["convivir.formats"]
USE_I18N = True
USE_TZ = True
# The three states the programme covers all keep central Mexico time.
TIME_ZONE = "America/Mexico_City"

# Static files: served by whitenoise, compressed, with hashed names.
STATIC_URL = "/static/"
STATIC_ROOT = Path(env_str("STATIC_ROOT", str(BASE_DIR / "static_collected")))
STATICFILES_DIRS = [SITE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(env_str("MEDIA_ROOT", str(BASE_DIR / "media")))
# Whether Django itself serves /media/ (a web server or object storage usually
# does in production).
SERVE_MEDIA = env_bool("SERVE_MEDIA", DEBUG)
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "whitenoise.storage.CompressedManifestStaticFilesStorage"
            if env_bool("STATIC_MANIFEST", not DEBUG)
            else "django.contrib.staticfiles.storage.StaticFilesStorage"
        )
    },
}
# Hashed files are cached for ever by whitenoise itself; this is for the
# few unhashed ones (the 500 page's stylesheet, the favicon redirect target).
WHITENOISE_MAX_AGE = 0 if DEBUG else 3600

# E-mail. Default: every message is written to a file under var/mail/.
# EMAIL_BACKEND accepts a short name ("file", "console", "smtp", "locmem") or
# the name of an anymail ESP ("postmark", "mailgun", "brevo", "amazon_ses", …),
# or a full dotted path. ANYMAIL_* variables configure the ESP.
EMAIL_BACKEND_SHORT_NAMES = {
    "file": "django.core.mail.backends.filebased.EmailBackend",
    "console": "django.core.mail.backends.console.EmailBackend",
    "smtp": "django.core.mail.backends.smtp.EmailBackend",
    "locmem": "django.core.mail.backends.locmem.EmailBackend",
}
_email_backend = env_str("EMAIL_BACKEND", "file")
if "." in _email_backend:
    EMAIL_BACKEND = _email_backend
elif _email_backend in EMAIL_BACKEND_SHORT_NAMES:
    EMAIL_BACKEND = EMAIL_BACKEND_SHORT_NAMES[_email_backend]
else:
    EMAIL_BACKEND = f"anymail.backends.{_email_backend}.EmailBackend"
EMAIL_FILE_PATH = VAR_DIR / "mail"
EMAIL_HOST = env_str("EMAIL_HOST", "localhost")
EMAIL_PORT = env_int("EMAIL_PORT", 25)
EMAIL_HOST_USER = env_str("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = env_str("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", False)
DEFAULT_FROM_EMAIL = env_str(
    "DEFAULT_FROM_EMAIL", "Convivir <no-responder@convivir.mx>"
)
SERVER_EMAIL = env_str("SERVER_EMAIL", DEFAULT_FROM_EMAIL)
ANYMAIL = {
    key.removeprefix("ANYMAIL_"): value
    for key, value in os.environ.items()
    if key.startswith("ANYMAIL_")
}

# Background tasks (django-tasks). Default: run at once, in the request.
# TASKS_BACKEND=database queues them for `manage.py db_worker`.
_tasks_backend = env_str("TASKS_BACKEND", "immediate")
TASKS = {
    "default": {
        "BACKEND": {
            "immediate": "django_tasks.backends.immediate.ImmediateBackend",
            "database": "django_tasks_db.DatabaseBackend",
            "dummy": "django_tasks.backends.dummy.DummyBackend",
        }.get(_tasks_backend, _tasks_backend),
    }
}
# Seconds the worker waits for the mail server or ESP before counting a
# failure (Django's SMTP backend reads EMAIL_TIMEOUT, anymail's HTTP backends
# REQUESTS_TIMEOUT). Short: a stalled provider holds a worker, never a request.
EMAIL_TIMEOUT = env_int("EMAIL_TIMEOUT", 10)
ANYMAIL.setdefault("REQUESTS_TIMEOUT", EMAIL_TIMEOUT)
# A failed e-mail is tried again after NOTIFICATIONS_RETRY_SECONDS, then twice
# as long each time up to NOTIFICATIONS_RETRY_MAX_SECONDS between tries, for
# NOTIFICATIONS_RETRY_HOURS after it was queued; then it is marked failed and
# shown to staff. 48 hours: an outage that starts on a Friday evening is
# still covered on Sunday, and every link we e-mail works for 7 days or more.
NOTIFICATIONS_RETRY_SECONDS = env_int("NOTIFICATIONS_RETRY_SECONDS", 60)
NOTIFICATIONS_RETRY_MAX_SECONDS = env_int("NOTIFICATIONS_RETRY_MAX_SECONDS", 3600)
NOTIFICATIONS_RETRY_HOURS = env_int("NOTIFICATIONS_RETRY_HOURS", 48)
# A message whose sender keeps dying on it (the attempt is counted, the outcome
# never written) is given up after this many attempts even within the window.
NOTIFICATIONS_MAX_ATTEMPTS = env_int("NOTIFICATIONS_MAX_ATTEMPTS", 100)
# Sent and failed messages are kept this long for staff to check, then deleted.
NOTIFICATIONS_KEEP_DAYS = env_int("NOTIFICATIONS_KEEP_DAYS", 30)

# Search: Wagtail's database backend; Elasticsearch when ELASTICSEARCH_URL is set
# (wired by the search app).
ELASTICSEARCH_URL = env_str("ELASTICSEARCH_URL", "")
# Seconds a search's results are kept (search/results_cache.py); 0: never.
SEARCH_RESULTS_SECONDS = env_int("SEARCH_RESULTS_SECONDS", 300)
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}

# Wagtail.
WAGTAIL_SITE_NAME = "Convivir"
WAGTAILIMAGES_IMAGE_MODEL = "convivir.CustomImage"
WAGTAILIMAGES_EXTENSIONS = ["gif", "jpg", "jpeg", "png", "webp", "avif"]
WAGTAILDOCS_EXTENSIONS = ["pdf", "odt", "docx", "pptx", "odp", "mp3", "ogg", "zip"]
WAGTAILDOCS_MAX_UPLOAD_SIZE = 50 * 1024 * 1024
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 20 * 1024 * 1024
WAGTAIL_ENABLE_UPDATE_CHECK = False
# No avatars from gravatar.com: the admin makes no request to other sites
# either (and staff e-mail hashes stay here).
WAGTAIL_GRAVATAR_PROVIDER_URL = None
WAGTAIL_ALLOW_UNICODE_SLUGS = False
WAGTAILLOCALIZE_SYNC_LIVE_STATUS_ON_TRANSLATE = False
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

LOGIN_URL = "wagtailadmin_login"

# Sign-in lockout (django-axes): after AXES_FAILURE_LIMIT wrong passwords
# for one username, or from one address, sign-in is refused for
# AXES_COOLOFF_MINUTES, even with the right password. Attempts are kept in
# the database, shared by every worker whatever the cache (django-axes' cache
# handler keys a username and an address by the bare value, so failures with
# an office's address typed as the username would lock out that office).
# Staff lift a lockout early with `manage.py axes_reset_username NAME` or
# `axes_reset_ip ADDRESS`.
#
# The lockout's backend comes first and refuses a locked-out sign-in before
# any password is checked. It is the variant that also answers get_user()
# and permissions like ModelBackend, because Wagtail's page test utilities
# log in with whichever backend is first.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_ENABLED = env_bool("AXES_ENABLED", True)
AXES_FAILURE_LIMIT = env_int("AXES_FAILURE_LIMIT", 5)
AXES_COOLOFF_TIME = timedelta(minutes=env_int("AXES_COOLOFF_MINUTES", 15))
# Each counted on its own: a username from any address, an address for any
# username.
AXES_LOCKOUT_PARAMETERS = ["ip_address", ["username"]]
AXES_HANDLER = "axes.handlers.database.AxesDatabaseHandler"
AXES_CLIENT_IP_CALLABLE = "convivir.abuse.client_ip"
AXES_LOCKOUT_CALLABLE = "convivir.abuse.lockout_response"
# Attempts during a lockout do not extend it, so the page can say when to
# try again.
AXES_RESET_COOL_OFF_ON_FAILURE_DURING_LOCKOUT = False
# No log of successful sign-ins (addresses and browsers of staff, kept for
# ever): only the failures a lockout needs, deleted once they expire.
AXES_DISABLE_ACCESS_LOG = True

# Security. Secure defaults whenever DEBUG is off; each can be relaxed by its
# own variable (e.g. SECURE_SSL_REDIRECT=false behind a proxy that redirects).
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
# No framing; Wagtail's preview views allow their own same-origin frame.
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SECURE = env_bool("SESSION_COOKIE_SECURE", not DEBUG)
CSRF_COOKIE_SECURE = env_bool("CSRF_COOKIE_SECURE", not DEBUG)
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", not DEBUG)
SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 0 if DEBUG else 31_536_000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", not DEBUG)
# Only marks the site as eligible for browsers' preload lists; submitting it
# there is a separate, deliberate step.
SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", not DEBUG)
# The site runs behind a TLS-terminating proxy (see the README), which must
# set X-Forwarded-Proto; without this, the SSL redirect would loop. Set
# SECURE_PROXY_SSL_HEADER=false when gunicorn itself terminates TLS.
if env_bool("SECURE_PROXY_SSL_HEADER", not DEBUG):
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
CSRF_FAILURE_VIEW = "convivir.views.csrf_failure"

# What responses announce to browsers (convivir/browser_policies.py).
from convivir.browser_policies import (  # noqa: E402, F401 (settings)
    CONTENT_SECURITY_POLICY,
    CONTENT_SECURITY_POLICY_ADMIN,
    EMBED_FRAME_HOSTS,
)
from convivir.browser_policies import PERMISSIONS_POLICY as _PERMISSIONS_POLICY  # noqa: E402

CONTENT_SECURITY_POLICY_ADMIN_PREFIXES = ["/admin/"]

# Rate limits for public forms (see convivir/ratelimit.py). Behind a reverse
# proxy, name the header carrying the client address, e.g. HTTP_X_FORWARDED_FOR.
RATELIMIT_ENABLED = env_bool("RATELIMIT_ENABLED", True)
RATELIMIT_CLIENT_IP_HEADER = env_str("RATELIMIT_CLIENT_IP_HEADER", "")
RATELIMIT_TRUSTED_PROXIES = env_int("RATELIMIT_TRUSTED_PROXIES", 1)
# Password reset requests (admin), per hour: from one address, and for one
# e-mail address whoever asks. Over either, no e-mail is sent.
PASSWORD_RESET_LIMIT_PER_ADDRESS = env_int("PASSWORD_RESET_LIMIT_PER_ADDRESS", 10)
PASSWORD_RESET_LIMIT_PER_EMAIL = env_int("PASSWORD_RESET_LIMIT_PER_EMAIL", 3)

# The Permissions-Policy header on every response.
PERMISSIONS_POLICY = env_str("PERMISSIONS_POLICY", _PERMISSIONS_POLICY)

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"plain": {"format": "%(levelname)s %(name)s: %(message)s"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "plain"}},
    "root": {"handlers": ["console"], "level": env_str("LOG_LEVEL", "INFO")},
    "loggers": {
        "django.request": {"level": "ERROR"},
        "django.db.backends": {"level": "INFO"},
        # One line per task run is noise; failures are still logged.
        "django_tasks": {"level": "WARNING"},
        # Failed sign-ins and lockouts are warnings; the rest is noise.
        "axes": {"level": "WARNING"},
    },
}
