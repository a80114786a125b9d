"""Helpers for showing content in the visitor's language."""

import time

from django.conf import settings
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from django.utils import translation

from wagtail.coreutils import get_supported_content_language_variant
from wagtail.models import Locale, Page

# Locales change only when an administrator adds a language, so each process
# keeps them in memory instead of querying on every menu and link. Other
# processes notice a change within LOCALE_CACHE_SECONDS.
LOCALE_CACHE_SECONDS = 300
_locales: dict[str, Locale] = {}
_loaded_at = [0.0]


def _all_locales() -> dict[str, Locale]:
    if not _locales or time.monotonic() - _loaded_at[0] > LOCALE_CACHE_SECONDS:
        fresh = {locale.language_code: locale for locale in Locale.objects.all()}
        _locales.clear()
        _locales.update(fresh)
        _loaded_at[0] = time.monotonic()
    return _locales


def get_locale(language_code: str) -> Locale | None:
    """The Wagtail locale for a language code (cached per process)."""
    return _all_locales().get(language_code)


def language_code(locale_id: int) -> str:
    """The language code of a locale, by its id (cached per process)."""
    for locale in _all_locales().values():
        if locale.pk == locale_id:
            return locale.language_code
    return ""


def active_locale() -> Locale | None:
    """The locale of the language being shown."""
    try:
        code = get_supported_content_language_variant(translation.get_language())
    except LookupError:
        code = get_supported_content_language_variant(settings.LANGUAGE_CODE)
    return get_locale(code)


def default_locale() -> Locale | None:
    """The locale of the site's first language (Spanish)."""
    return get_locale(get_supported_content_language_variant(settings.LANGUAGE_CODE))


@receiver([post_save, post_delete], sender=Locale)
def _forget_locales(**kwargs):
    _locales.clear()


def localized_pages(pages: list[Page | None]) -> list[Page | None]:
    """Each page replaced by its live translation in the active language, when
    there is one, in a single query however many pages there are.

    wagtail-localize keeps page links (menus, choosers) pointing at the source
    page; like ``Page.localized``, this swaps in the translation when the
    visitor reads another language, without a query per link.
    """
    locale = active_locale()
    keys = {
        page.translation_key
        for page in pages
        if page is not None and locale is not None and page.locale_id != locale.pk
    }
    if not keys:
        return list(pages)
    translations = {
        page.translation_key: page
        for page in Page.objects.filter(translation_key__in=keys, locale=locale)
        .live()
        .select_related("locale")
    }
    return [
        translations.get(page.translation_key, page) if page is not None else None
        for page in pages
    ]


def in_active_locale(queryset):
    """The first object of ``queryset`` in the language being shown, else
    the default language's, else None. One query: for pages and snippets
    that exist once per language (the campaign list, the directory page,
    the main menu…)."""
    wanted = [locale for locale in (active_locale(), default_locale()) if locale]
    found = {}
    for item in queryset.filter(locale__in=wanted).order_by("pk"):
        found.setdefault(item.locale_id, item)
    for locale in wanted:
        if locale.pk in found:
            return found[locale.pk]
    return None


def sync_translations(instance, *fields: str) -> int:
    """Copy ``fields`` of a translatable object in the default language to
    its translations at once. For flags that protect people (a confidential
    place) a translation must never lag behind its source until someone
    syncs it in wagtail-localize. Returns how many translations changed."""
    source = default_locale()
    if source is None or instance.locale_id != source.pk:
        return 0
    return (
        type(instance)
        .objects.filter(translation_key=instance.translation_key)
        .exclude(pk=instance.pk)
        .update(**{name: getattr(instance, name) for name in fields})
    )
