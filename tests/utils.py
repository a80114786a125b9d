"""Helpers shared by the tests."""

import html
import re

from wagtail.models import Locale, Page
from wagtail.test.utils import WagtailPageTestCase
from wagtail.users.models import UserProfile

from convivir.models import HomePage


def token_in(text: str, prefix: str) -> str:
    """The token of the first link under ``prefix`` in ``text`` (an e-mail
    or a page). A test reads the link it was sent rather than signing one
    again: a signed token made a second later differs."""
    match = re.search(re.escape(prefix) + r"([^/\s\"'<>]+)/", text)
    assert match, f"no link under {prefix} in {text!r}"
    return match.group(1)


def page_text(content) -> str:
    """What a reader sees of a page (a response, ``bytes`` or ``str``): the
    text of the body without tags, scripts or styles, entities decoded, each
    run of white space as one space."""
    content = getattr(content, "content", content)
    if isinstance(content, bytes):
        content = content.decode()
    content = re.split(r"<body\b[^>]*>", content, maxsplit=1)[-1]
    content = re.sub(r"<(script|style)\b.*?</\1>", " ", content, flags=re.S)
    content = re.sub(r"<[^>]+>", " ", content)
    return re.sub(r"\s+", " ", html.unescape(content)).strip()


def error_summary_text(content) -> str:
    """What a reader sees of a form's error summary (see ``page_text``)."""
    content = getattr(content, "content", content)
    if isinstance(content, bytes):
        content = content.decode()
    start = content.index('<div class="error-summary"')
    return page_text(content[start : content.index("</div>", start)])


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
