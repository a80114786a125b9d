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
"""

from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class HomeSection:
    """A section an app adds to the home page."""

    name: str
    template: str
    get_context: Callable
    order: int


class HomeSectionRegistry:
    """The ordered list of home page sections contributed by apps."""

    def __init__(self):
        self._sections: dict[str, HomeSection] = {}

    def register(self, name: str, *, template: str, get_context: Callable, order=50):
        self._sections[name] = HomeSection(name, template, get_context, order)

    def unregister(self, name: str):
        self._sections.pop(name, None)

    def __iter__(self):
        return iter(sorted(self._sections.values(), key=lambda s: (s.order, s.name)))

    def render_context(self, page, request) -> list[dict]:
        """The sections to show, each as ``{"template": …, "context": …}``."""
        shown = []
        for section in self:
            context = section.get_context(page, request)
            if context is not None:
                shown.append(
                    {
                        "name": section.name,
                        "template": section.template,
                        "context": context,
                    }
                )
        return shown


home_sections = HomeSectionRegistry()
