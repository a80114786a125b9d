"""Events in the search index (:mod:`search`), for the events list's
keyword filter: one document per event (its translations share a key),
holding its title and summary in every language, the venue's name (not a
confidential venue's), its town and the organiser; kept current on every
save of an event page (publish, unpublish, revision, translation sync) and
of a venue."""

from django.db.models.signals import post_delete, post_save
from django.utils.text import slugify

from events.models.occurrences import EVENTS_KIND
from events.models.pages import EventPage
from events.models.places import Venue
from search.indexing import reindex
from search.registry import Document, Kind, register


def documents(keys: list[str]) -> list[Document]:
    pages = (
        EventPage.objects.live()
        .filter(translation_key__in=keys)
        .select_related("venue")
    )
    grouped: dict[str, list[EventPage]] = {}
    for page in pages:
        grouped.setdefault(str(page.translation_key), []).append(page)
    found = []
    for key, translations in grouped.items():
        title, body, towns = [], [], []
        for page in translations:
            title += [page.title]
            body += [page.summary, page.organiser]
            if page.venue:
                body += [page.venue.municipality]
                towns.append(slugify(page.venue.municipality))
                if not page.venue.is_confidential:
                    body += [page.venue.name]
        found.append(
            Document(
                key=key,
                name=translations[0].title,
                title=title,
                body=body,
                values={"town": towns},
            )
        )
    return found


def _keys():
    return (
        EventPage.objects.live()
        .values_list("translation_key", flat=True)
        .distinct()
        .iterator()
    )


def _page_changed(sender, instance, **kwargs):
    reindex(EVENTS_KIND, [instance.translation_key])


def _venue_changed(sender, instance, **kwargs):
    reindex(
        EVENTS_KIND,
        EventPage.objects.filter(venue=instance).values_list(
            "translation_key", flat=True
        ),
    )


def connect():
    register(Kind(EVENTS_KIND, documents, _keys))
    post_save.connect(_page_changed, sender=EventPage, weak=False)
    post_delete.connect(_page_changed, sender=EventPage, weak=False)
    post_save.connect(_venue_changed, sender=Venue, weak=False)
