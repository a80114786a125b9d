"""Helpers shared by the tests."""

from wagtail.models import Locale, Page
from wagtail.test.utils import WagtailPageTestCase
from wagtail.users.models import UserProfile

from convivir.models import HomePage


def translate_page(page: Page, locale: Locale, **fields) -> Page:
    """Copy ``page`` into ``locale`` with ``fields`` changed, and publish it,
    as an editor would with Wagtail's "Translate" action."""
    translated = page.specific.copy_for_translation(locale, copy_parents=True)
    for name, value in fields.items():
        setattr(translated, name, value)
    translated.save()
    translated.save_revision().publish()
    translated.refresh_from_db()
    return translated


def add_child(parent: Page, page: Page) -> Page:
    """Add ``page`` under ``parent`` and publish it."""
    parent.add_child(instance=page)
    page.save_revision().publish()
    page.refresh_from_db()
    return page


class SpanishEditorPageTestCase(WagtailPageTestCase):
    """Wagtail's page-type checks as a logged-in superuser who reads the
    admin in Spanish, under the Spanish home page (``self.home``)."""

    def setUp(self):
        self.home = HomePage.objects.get(locale__language_code="es", depth=2)
        user = self.login()
        profile = UserProfile.get_for_user(user)
        profile.preferred_language = "es"
        profile.save()
