"""The visitor's language, and the site's content in it.

Two questions, asked everywhere, answered here once:

- :func:`for_visitor`: *the one for the visitor*, for what exists once per
  language (the campaign list, the directory page, the main menu): the
  first of a queryset in the language being shown, else in the default
  language.
- :func:`in_visitor_language`: *these objects in the visitor's language*,
  batched (one query per model) with the default language as fallback:
  pages or snippets linked from elsewhere (a menu, a page's category) are
  swapped for their translation; and, as the queryset method
  :meth:`VisitorLanguageQuerySet.in_visitor_language`, a list spanning
  languages gives each object once, in the visitor's language where
  translated.

Locales are cached per process (:func:`active_locale`,
:func:`default_locale`).
"""

import time

from django.conf import settings
from django.db.models import QuerySet
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


def for_visitor(queryset):
    """The first object of ``queryset`` in the language being shown, else
    the default language's, else None. One query."""
    wanted = [locale for locale in (active_locale(), default_locale()) if locale]
    found = {}
    for item in queryset.filter(locale__in=wanted).order_by("pk"):
        found.setdefault(item.locale_id, item)
    for locale in wanted:
        if locale.pk in found:
            return found[locale.pk]
    return None


def in_visitor_language(objects, *, select_related=()):
    """Translatable objects (pages or snippets, ``None`` allowed) each
    replaced by its translation in the visitor's language when there is one
    (a page's only when live), of the same class, in one query per class;
    the order and the objects without a translation are kept. For what a
    page links to (a menu, a page's category, its themes)."""
    objects = list(objects)
    locale = active_locale()
    if locale is None:
        return objects
    wanted = {}
    for item in objects:
        if item is not None and item.locale_id != locale.pk:
            wanted.setdefault(type(item), set()).add(_identity(item))
    found = {}
    for model, keys in wanted.items():
        field = _identity_field(model)
        rows = model.objects.filter(**{f"{field}__in": keys}, locale=locale)
        if issubclass(model, Page):
            rows = rows.live()
        if select_related:
            rows = rows.select_related(*select_related)
        for row in rows:
            found[(model, _identity(row))] = row
    return [
        None if item is None else found.get((type(item), _identity(item)), item)
        for item in objects
    ]


def _identity_field(model) -> str:
    """What makes two rows translations of one another: the translation
    key, or the field a model names in ``translation_identity`` (themes,
    whose slug is shared by every language)."""
    return getattr(model, "translation_identity", "translation_key")


def _identity(item):
    return getattr(item, _identity_field(type(item)))


class VisitorLanguageQuerySet(QuerySet):
    """For translatable models listed on their own (themes, volunteer
    opportunities), whose rows span the languages."""

    def in_visitor_language(self) -> list:
        """Each object once (by translation key), in the visitor's language
        when translated, else in the default language; one query, in the
        queryset's order."""
        return _each_once(self)


def _each_once(queryset) -> list:
    wanted = [locale for locale in (active_locale(), default_locale()) if locale]
    rows = list(queryset.filter(locale__in=wanted))
    preferred = {_identity(row) for row in rows if row.locale_id == wanted[0].pk}
    return [
        row
        for row in rows
        if row.locale_id == wanted[0].pk or _identity(row) not in preferred
    ]


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


class OnePerLanguagePage:
    """A page type the site has once per language (the calendar, the
    directory, the campaign list…): :meth:`for_visitor` finds the live one
    in the visitor's language, else the default language's."""

    @classmethod
    def for_visitor(cls):
        return for_visitor(cls.objects.live())
