"""Pages cost a fixed number of SQL queries, whatever their content holds."""

from django.db import connection
from django.test.utils import CaptureQueriesContext

import pytest

from convivir.factories import (
    ContentPageFactory,
    CustomImageFactory,
    MainMenuFactory,
    MainMenuItemFactory,
)
from convivir.models import ContentPage
from tests.utils import add_child, translate_page

pytestmark = pytest.mark.django_db

# Measured on SQLite: 12 for the home page with featured cards and menus, 16
# for a content page with images, breadcrumbs and children. The first view of
# an image also writes its renditions, so it is not counted.
MAX_QUERIES = 20


def count_queries(client, url) -> int:
    client.get(url)  # renditions are generated on the first view
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries)


def make_featured(home, pages, images):
    home.featured = [
        ("card", {"page": page, "title": "", "text": "Texto", "image": image})
        for page, image in zip(pages, images, strict=True)
    ]
    home.save_revision().publish()


def test_home_page_queries_do_not_grow_with_featured_pages(client, home, spanish):
    menu = MainMenuFactory(locale=spanish)
    pages = [add_child(home, ContentPageFactory.build(slug=f"p{n}")) for n in range(9)]
    images = [CustomImageFactory() for _ in range(9)]
    MainMenuItemFactory(menu=menu, link_page=pages[0], link_url="")

    make_featured(home, pages[:2], images[:2])
    few = count_queries(client, "/es/")
    make_featured(home, pages, images)
    for page in pages[1:]:
        MainMenuItemFactory(menu=menu, link_page=page, link_url="")
    many = count_queries(client, "/es/")

    assert few == many
    assert many <= MAX_QUERIES


def test_home_page_query_budget(client, home, django_assert_max_num_queries):
    client.get("/es/")
    with django_assert_max_num_queries(MAX_QUERIES):
        client.get("/es/")


def body(images):
    blocks = [("heading", {"text": "Sección", "level": "h2"})]
    blocks += [
        ("image", {"image": image, "alt_text": "Texto alternativo", "caption": ""})
        for image in images
    ]
    return blocks


def test_content_page_queries_do_not_grow_with_blocks_or_children(client, home):
    small = add_child(
        home,
        ContentPageFactory.build(slug="pequena", body=body([CustomImageFactory()])),
    )
    add_child(small, ContentPageFactory.build(slug="hija-1"))
    large = add_child(
        home,
        ContentPageFactory.build(
            slug="grande", body=body([CustomImageFactory() for _ in range(12)])
        ),
    )
    for n in range(10):
        add_child(large, ContentPageFactory.build(slug=f"hija-{n}"))

    assert count_queries(client, small.url) == count_queries(client, large.url)
    assert count_queries(client, large.url) <= MAX_QUERIES


def test_content_page_query_budget(client, home, django_assert_max_num_queries):
    page = add_child(home, ContentPage(title="Derechos", slug="derechos"))
    client.get(page.url)
    with django_assert_max_num_queries(MAX_QUERIES):
        client.get(page.url)


def call_to_action(page):
    return (
        "call_to_action",
        {
            "heading": "Más información",
            "text": "",
            "button_label": "Ir",
            "link": {"page": page, "url": ""},
        },
    )


def test_english_page_queries_do_not_grow_with_calls_to_action(
    client, home, home_en, english
):
    targets = [
        add_child(home, ContentPageFactory.build(slug=f"t{n}")) for n in range(8)
    ]
    for n, target in enumerate(targets):
        translate_page(target, english, slug=f"target-{n}", title=f"Target {n}")
    one = add_child(
        home, ContentPageFactory.build(slug="una", body=[call_to_action(targets[0])])
    )
    eight = add_child(
        home,
        ContentPageFactory.build(
            slug="ocho", body=[call_to_action(t) for t in targets]
        ),
    )
    one_en = translate_page(one, english, slug="one", title="One")
    eight_en = translate_page(eight, english, slug="eight", title="Eight")

    html = client.get(eight_en.url).content.decode()
    # The links lead to the English pages.
    assert 'class="button" href="/en/target-7/"' in html
    assert count_queries(client, one_en.url) == count_queries(client, eight_en.url)
    assert count_queries(client, eight_en.url) <= MAX_QUERIES
