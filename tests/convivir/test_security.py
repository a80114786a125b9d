"""Response headers: nothing on a public page may load from another origin."""

from html.parser import HTMLParser
from urllib.parse import urlsplit

import pytest

from convivir.factories import ContentPageFactory, CustomImageFactory
from tests.utils import add_child

SITE_HOST = "convivir.example.org"


class ResourceParser(HTMLParser):
    """Collects what a browser would fetch by itself: stylesheets, icons,
    scripts, images (src and srcset), frames and media."""

    def __init__(self):
        super().__init__()
        self.urls = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "link" and attrs.get("rel") in {"stylesheet", "icon", "preload"}:
            self.urls.append(attrs["href"])
        if tag in {"script", "img", "iframe", "video", "audio", "source"}:
            if attrs.get("src"):
                self.urls.append(attrs["src"])
            for candidate in (attrs.get("srcset") or "").split(","):
                if candidate.strip():
                    self.urls.append(candidate.split()[0])


def resource_urls(html: str) -> list[str]:
    parser = ResourceParser()
    parser.feed(html)
    return parser.urls


def directives(header: str) -> dict[str, list[str]]:
    parsed = {}
    for part in header.split(";"):
        name, *values = part.split()
        parsed[name] = values
    return parsed


@pytest.mark.django_db
class TestHeaders:
    def test_public_pages_allow_only_their_own_origin(self, client, home):
        response = client.get("/es/")
        policy = directives(response["Content-Security-Policy"])
        for name in (
            "default-src",
            "script-src",
            "style-src",
            "font-src",
            "connect-src",
        ):
            assert policy[name] == ["'self'"], name
        assert policy["img-src"] == ["'self'", "data:"]
        assert policy["object-src"] == ["'none'"]
        assert policy["frame-ancestors"] == ["'none'"]
        # Only a player the reader asked for may be framed.
        assert policy["frame-src"] == [
            "'self'",
            "https://www.youtube-nocookie.com",
            "https://player.vimeo.com",
        ]

    def test_security_headers_on_public_pages(self, client, home):
        response = client.get("/es/")
        assert response["X-Content-Type-Options"] == "nosniff"
        assert response["Referrer-Policy"] == "same-origin"
        assert response["X-Frame-Options"] == "DENY"
        assert response["Cross-Origin-Opener-Policy"] == "same-origin"

    def test_admin_gets_its_own_same_origin_policy(self, admin_client, home):
        response = admin_client.get("/admin/")
        assert response.status_code == 200
        policy = directives(response["Content-Security-Policy"])
        assert policy["default-src"] == ["'self'"]
        assert "'unsafe-inline'" in policy["style-src"]
        assert all(
            source.startswith("'") or source in {"data:", "blob:"}
            for name in ("script-src", "style-src", "img-src", "connect-src")
            for source in policy[name]
        )

    def test_pages_load_resources_only_from_the_site(self, client, home):
        image = CustomImageFactory()
        add_child(
            home,
            ContentPageFactory.build(
                slug="recursos",
                body=[
                    ("image", {"image": image, "alt_text": "Un camino", "caption": ""}),
                    (
                        "video",
                        {
                            "url": "https://youtu.be/abc123XYZ_0",
                            "title": "Video",
                            "description": "",
                        },
                    ),
                ],
            ),
        )
        for url in ("/es/", "/es/recursos/"):
            resources = resource_urls(client.get(url).content.decode())
            assert resources, url
            foreign = [
                r for r in resources if urlsplit(r).netloc not in ("", SITE_HOST)
            ]
            assert foreign == [], url

    def test_robots_and_health_check(self, client, home):
        robots = client.get("/robots.txt")
        assert robots.status_code == 200
        assert "Disallow: /admin/" in robots.content.decode()
        assert client.get("/healthz").content == b"ok"


def permissions(header: str) -> dict[str, str]:
    """``Permissions-Policy: camera=(), geolocation=(self)`` as a dict."""
    return dict(item.strip().split("=", 1) for item in header.split(","))


@pytest.mark.django_db
class TestPermissionsPolicy:
    """Browser features no page uses are off, on every kind of response."""

    def assert_strict(self, response):
        policy = permissions(response["Permissions-Policy"])
        for feature in ("camera", "microphone", "payment", "usb", "browsing-topics"):
            assert policy[feature] == "()", feature
        # "Use my location" in the directory, on this origin only.
        assert policy["geolocation"] == "(self)"
        # The video players, embedded only after a tap, may go full screen.
        assert policy["fullscreen"] == (
            '(self "https://www.youtube-nocookie.com" "https://player.vimeo.com")'
        )

    def test_on_a_page(self, client, home):
        response = client.get("/es/")
        assert response.status_code == 200
        self.assert_strict(response)

    def test_on_a_static_file(self, client, settings):
        # WhiteNoise reads these when it starts: the test client's starts now.
        settings.WHITENOISE_USE_FINDERS = True
        settings.WHITENOISE_AUTOREFRESH = True
        response = client.get("/static/js/convivir.js")
        assert response.status_code == 200
        assert b"navigator.geolocation" in b"".join(response.streaming_content)
        self.assert_strict(response)

    def test_in_the_admin(self, admin_client, home):
        response = admin_client.get("/admin/")
        assert response.status_code == 200
        self.assert_strict(response)

    def test_on_the_api(self, client, home):
        response = client.get("/api/hsds/services")
        assert response.status_code == 200
        assert response["Content-Type"].startswith("application/json")
        self.assert_strict(response)

    def test_the_policy_comes_from_the_settings(self, client, home, settings):
        settings.PERMISSIONS_POLICY = "camera=(), geolocation=()"
        response = client.get("/es/")
        assert response["Permissions-Policy"] == "camera=(), geolocation=()"


@pytest.mark.django_db
def test_media_is_served_only_when_the_site_is_told_to(client, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    (tmp_path / "leaflet.txt").write_text("cartilla")
    settings.SERVE_MEDIA = False
    assert client.get("/media/leaflet.txt").status_code == 404
    settings.SERVE_MEDIA = True
    response = client.get("/media/leaflet.txt")
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == b"cartilla"
    # No way out of the media folder.
    assert client.get("/media/%2E%2E/pyproject.toml").status_code in (400, 404)


@pytest.mark.django_db
def test_documents_are_never_served_as_plain_media(client, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    settings.SERVE_MEDIA = True
    (tmp_path / "documents").mkdir()
    (tmp_path / "documents" / "privado.pdf").write_bytes(b"%PDF")
    assert client.get("/media/documents/privado.pdf").status_code == 404


@pytest.mark.django_db
def test_health_check_answers_any_host(client):
    response = client.get("/healthz", HTTP_HOST="10.0.0.5:8000")
    assert response.status_code == 200
    assert response.content == b"ok"


def test_favicon_points_at_the_icon(client):
    response = client.get("/favicon.ico")
    assert response.status_code == 301
    assert response["Location"] == "/static/icons/favicon.svg"


@pytest.mark.django_db
@pytest.mark.urls("tests.convivir.form_urls")
@pytest.mark.parametrize(
    ("prefix", "text"),
    [("es", "No se pudo enviar el formulario"), ("en", "The form could not be sent")],
)
def test_expired_form_gets_a_clear_page_in_its_language(home, prefix, text):
    from django.test import Client

    response = Client(enforce_csrf_checks=True).post(
        f"/{prefix}/inscripcion/", {"name": "Ana"}
    )
    assert response.status_code == 403
    html = response.content.decode()
    assert text in html
    assert f'href="/{prefix}/inscripcion/"' in html
