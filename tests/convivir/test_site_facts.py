"""What every page asks for, kept until content changes: the site of the
request's host, and whether any page is private. A page made private is
private at once, for pages and for the listings that leave it out."""

from django.db import connection
from django.test.utils import CaptureQueriesContext

from wagtail.models import PageViewRestriction

import pytest

from convivir.models import ContentPage
from tests.utils import add_child

pytestmark = pytest.mark.django_db


@pytest.fixture
def pages(home):
    parent = add_child(home, ContentPage(title="Derechos", slug="derechos"))
    child = add_child(parent, ContentPage(title="Asilo paso a paso", slug="asilo"))
    return parent, child


def _queries(client, url):
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    return response, [query["sql"] for query in captured]


def test_the_site_and_restrictions_are_not_asked_again(client, pages):
    client.get("/es/derechos/")
    response, queries = _queries(client, "/es/derechos/")
    assert response.status_code == 200
    assert "Asilo paso a paso" in response.content.decode()
    assert not [sql for sql in queries if '"wagtailcore_site"' in sql]
    assert not [sql for sql in queries if "wagtailcore_pageviewrestriction" in sql]


def test_a_page_made_private_is_private_at_once(client, pages):
    _, child = pages
    assert client.get("/es/derechos/asilo/").status_code == 200
    assert "Asilo paso a paso" in client.get("/es/derechos/").content.decode()

    PageViewRestriction.objects.create(
        page=child, restriction_type=PageViewRestriction.PASSWORD, password="clave"
    )

    response = client.get("/es/derechos/asilo/")
    assert response.status_code == 200
    assert 'name="password"' in response.content.decode()
    assert "Asilo paso a paso" not in client.get("/es/derechos/").content.decode()

    PageViewRestriction.objects.filter(page=child).delete()
    assert "Asilo paso a paso" in client.get("/es/derechos/").content.decode()
    assert 'name="password"' not in client.get("/es/derechos/asilo/").content.decode()


def test_a_page_under_a_private_one_is_private_too(client, pages):
    parent, _ = pages
    client.get("/es/derechos/asilo/")
    PageViewRestriction.objects.create(
        page=parent, restriction_type=PageViewRestriction.LOGIN
    )
    response = client.get("/es/derechos/asilo/")
    assert response.status_code == 302
    assert "next=/es/derechos/asilo/" in response["Location"]


def test_a_new_site_address_is_served_by_its_site(client, pages, site, settings):
    settings.ALLOWED_HOSTS = ["testserver", "otra.example"]
    # Served by the default site, whose address the page names.
    before = client.get("/es/derechos/", HTTP_HOST="otra.example")
    assert f'href="{site.root_url}/es/derechos/"' in before.content.decode()
    assert "otra.example" not in site.root_url
    site.hostname = "otra.example"
    site.save()
    response = client.get("/es/derechos/", HTTP_HOST="otra.example")
    assert response.status_code == 200
    html = response.content.decode()
    assert 'rel="canonical" href="https://otra.example/es/derechos/"' in html
