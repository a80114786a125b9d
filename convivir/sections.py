"""Sections that other apps add to the home page.

The home page belongs to this core app, but what it shows below the
introduction (the featured campaign, the next events, the directory's doors,
the call to volunteer) belongs to the apps that own that content. Each app
registers a section in its ``AppConfig.ready()``::

    home_sections.register(
        "events", template="events/includes/home_section.html",
        get_context=next_events_for_home, order=20,
    )

``get_context(page, request)`` returns the section's context, or None to
leave the section out (for example when there is nothing to show).

Each section is rendered once per site and language and kept in the cache
until what it shows changes: ``areas`` names the :mod:`convivir.pagecache`
areas it depends on ("content" always; "seats" for seats left, "directory"
for the directory's entries), and ``HOME_SECTIONS_SECONDS`` bounds what moves
with the clock (the next events).
"""

from collections.abc import Callable
from dataclasses import dataclass

from django.conf import settings
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.safestring import mark_safe

from convivir import pagecache


@dataclass(frozen=True)
class HomeSection:
    """A section an app adds to the home page."""

    name: str
    template: str
    get_context: Callable
    order: int
    areas: tuple[str, ...] = ()


class HomeSectionRegistry:
    """The ordered list of home page sections contributed by apps."""

    def __init__(self):
        self._sections: dict[str, HomeSection] = {}

    def register(
        self, name: str, *, template: str, get_context: Callable, order=50, areas=()
    ):
        self._sections[name] = HomeSection(
            name, template, get_context, order, tuple(areas)
        )

    def unregister(self, name: str):
        self._sections.pop(name, None)

    def __iter__(self):
        return iter(sorted(self._sections.values(), key=lambda s: (s.order, s.name)))

    def render_context(self, page, request) -> list[dict]:
        """The sections to show, each as ``{"name": …, "html": …}``."""
        shown = []
        for section in self:
            html = self._kept(section, page, request)
            if html:
                shown.append({"name": section.name, "html": mark_safe(html)})  # noqa: S308
        return shown

    @staticmethod
    def _kept(section, page, request) -> str:
        """The section rendered ("" when it is left out), from the cache
        while nothing it shows has changed."""

        def render():
            context = section.get_context(page, request)
            if context is None:
                return ""
            return render_to_string(
                section.template, {"section": context, "page": page}, request
            )

        return pagecache.kept(
            f"home-section:{section.name}:{request.get_host()}:{page.pk}:"
            f"{translation.get_language()}",
            render,
            areas=section.areas,
            seconds=settings.HOME_SECTIONS_SECONDS,
        )


home_sections = HomeSectionRegistry()
