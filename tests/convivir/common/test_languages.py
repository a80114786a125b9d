"""The visitor's language: the one page for the visitor, and linked objects
swapped for their translation in one query per class."""

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import translation

from wagtail.models import Page

import pytest

from convivir.common.languages import active_locale, for_visitor, in_visitor_language
from convivir.models import HomePage

pytestmark = pytest.mark.django_db


def test_the_one_for_the_visitor_falls_back_to_spanish(home, home_en):
    with translation.override("en"):
        assert for_visitor(HomePage.objects.all()) == home_en
    with translation.override("es"):
        assert for_visitor(HomePage.objects.all()) == home
    home_en.delete()
    with translation.override("en"):
        assert for_visitor(HomePage.objects.all()) == home


def test_linked_pages_are_swapped_in_one_query_keeping_order_and_gaps(home, home_en):
    generic = Page.objects.get(pk=home.pk)
    # The locales are kept per process; another test may have emptied them
    # (a locale saved), which would count here as one more query.
    active_locale()
    with translation.override("en"), CaptureQueriesContext(connection) as queries:
        swapped = in_visitor_language([generic, None, generic])
    assert len(queries) == 1
    assert [p.pk if p else None for p in swapped] == [home_en.pk, None, home_en.pk]
    # In Spanish there is nothing to look up.
    with translation.override("es"), CaptureQueriesContext(connection) as queries:
        assert in_visitor_language([generic]) == [generic]
    assert len(queries) == 0


def test_a_draft_translation_is_not_shown(home, home_en):
    home_en.unpublish()
    with translation.override("en"):
        assert in_visitor_language([home]) == [home]
