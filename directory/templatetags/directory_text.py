"""``{% shown text %}``: an entry's text in the language it is written in.

On an English page, a service without English text shows its Spanish text
inside ``<span lang="es">`` so that screen readers read it in Spanish. The
text is a service's :meth:`~directory.models.Service.text` (value and
language) or a plain string, which editors write in Spanish (a place's
accessibility, a schedule's description)."""

from django import template
from django.conf import settings
from django.template.defaultfilters import linebreaksbr
from django.utils import translation
from django.utils.html import conditional_escape, format_html

from directory.models.texts import Text

register = template.Library()


@register.simple_tag
def shown(text, lines: bool = False):
    """``text`` escaped (with its line breaks kept when ``lines``), marked
    with its language when that is not the page's."""
    if isinstance(text, Text):
        value, lang = text
    else:
        value, lang = ("" if text is None else str(text)), settings.LANGUAGE_CODE
    if not value:
        return ""
    html = linebreaksbr(value) if lines else conditional_escape(value)
    if lang == (translation.get_language() or settings.LANGUAGE_CODE):
        return html
    return format_html('<span lang="{}">{}</span>', lang, html)


@register.simple_tag
def service_text(service, field: str):
    """``service.text(field)`` for the page's language (a ``Text``)."""
    return service.text(field)
