"""Create the demo's English versions through wagtail-localize, exactly as a
translator would in the admin, so editors can keep them in sync afterwards.

The demo describes each page or snippet twice with the same structure (same
StreamField block ids, same number of paragraphs): once in Spanish, saved as
the source, once in English, never saved. The English strings are matched to
the source's segments by their position in the content and stored as the
translation, then wagtail-localize writes and publishes the English page.
"""

from collections import defaultdict

from wagtail.models import DraftStateMixin, Locale
from wagtail_localize.models import StringTranslation, Translation, TranslationSource
from wagtail_localize.segments.extract import extract_segments
from wagtail_localize.segments.types import StringSegmentValue


def is_translated(source_instance, locale_code="en") -> bool:
    """Whether ``source_instance`` already has a wagtail-localize translation
    into ``locale_code`` (an alias or placeholder copy does not count)."""
    return Translation.objects.filter(
        source__object_id=source_instance.translation_key,
        source__locale_id=source_instance.locale_id,
        target_locale__language_code=locale_code,
    ).exists()


def translate(source_instance, english_instance, locale_code="en"):
    """Store ``english_instance``'s strings as the ``locale_code`` translation
    of ``source_instance`` and publish it. Safe to call again: it refreshes
    the translation from the current source. Returns the translated object."""
    locale = Locale.objects.get(language_code=locale_code)
    source, _ = TranslationSource.update_or_create_from_instance(source_instance)

    english = defaultdict(list)
    for segment in extract_segments(english_instance):
        if isinstance(segment, StringSegmentValue):
            english[segment.path].append(segment.string)

    seen = defaultdict(int)
    for segment in source.stringsegment_set.select_related(
        "string", "context"
    ).order_by("order"):
        path = segment.context.path
        candidates = english.get(path, [])
        index = seen[path]
        seen[path] += 1
        if index >= len(candidates):
            raise ValueError(
                f"No English text for {path!r} (#{index + 1}) of {source_instance!r}"
            )
        StringTranslation.objects.update_or_create(
            translation_of=segment.string,
            locale=locale,
            context=segment.context,
            defaults={"data": candidates[index].data},
        )

    Translation.objects.get_or_create(
        source=source, target_locale=locale, defaults={"enabled": True}
    )
    # wagtail-localize publishes pages in an on_commit hook holding the page
    # as it was when saved; publishing here instead keeps the page tree right
    # whether or not a transaction is open (as in tests).
    drafts = isinstance(source_instance, DraftStateMixin)
    target, _ = source.create_or_update_translation(
        locale, publish=not drafts, copy_parent_pages=True, fallback=True
    )
    if drafts:
        target.get_latest_revision().publish()
        target.refresh_from_db()
    return target
