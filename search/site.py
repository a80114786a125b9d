"""The site-wide search (``/es/buscar/``, ``/en/search/``): the pages in
the visitor's language through Wagtail's search (its database backend by
default, Elasticsearch when configured), grouped by the kind of page, and
each kind registered with a ``present`` function (the directory's
services) through the one query interface."""

import re

from wagtail.models import Locale, Page

from convivir.site_facts import public
from search import engine
from search.analysis import MAX_QUERY_CHARS, query_terms
from search.query import Query
from search.registry import kinds

PER_GROUP = 10
WORD = re.compile(r"\w+")


def page_groups(text: str, language: str) -> list[dict]:
    """Live public pages of ``language`` matching ``text``, by type."""
    # Only the words, as typed: the search backend reads punctuation as its
    # own query syntax (SQLite's full-text search fails on "<").
    text = " ".join(WORD.findall(text))
    locale = Locale.objects.filter(language_code=language).first()
    if locale is None or not text:
        return []
    pages = (
        public(Page.objects.live())
        .filter(locale=locale, depth__gt=2)
        .specific()
        .search(text, operator="or")
    )
    groups: dict[str, dict] = {}
    for page in pages[:60]:
        label = str(page.specific_class._meta.verbose_name_plural).capitalize()
        group = groups.setdefault(label, {"label": label, "items": []})
        if len(group["items"]) < PER_GROUP:
            group["items"].append(
                {
                    "title": page.title,
                    "url": page.url,
                    "summary": getattr(page, "search_description", "")
                    or getattr(page, "summary", ""),
                }
            )
    return list(groups.values())


def kind_groups(text: str) -> list[dict]:
    groups = []
    for kind in kinds():
        if kind.present is None:
            continue
        results = engine.search(kind.name, Query(text=text, per_page=PER_GROUP))
        items = kind.present([hit.key for hit in results.hits])
        if items:
            groups.append(
                {"label": str(kind.label), "items": items, "total": results.total}
            )
    return groups


def search_site(text: str, language: str) -> list[dict]:
    """Every group with results, services first."""
    text = text.strip()[:MAX_QUERY_CHARS]
    if not query_terms(text):
        return []
    return kind_groups(text) + page_groups(text, language)
