"""Admin registration: venues and categories as snippets, the staff's
registrations tools, the dashboard panel and the audit-log actions."""

from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from events.admin_views import RegistrationViewSet
from events.dashboard import NextEventsPanel
from events.models import EventCategory, Venue


class VenueViewSet(SnippetViewSet):
    model = Venue
    icon = "site"
    menu_label = _("Venues")
    list_display = ["name", "municipality", "state", "locale"]
    list_filter = ["state", "locale"]
    search_fields = ["name", "municipality", "address"]
    ordering = ["name"]


class EventCategoryViewSet(SnippetViewSet):
    model = EventCategory
    icon = "tag"
    menu_label = _("Event categories")
    list_display = ["name", "slug", "locale"]
    list_filter = ["locale"]
    search_fields = ["name"]
    ordering = ["name"]


class EventsSnippetGroup(SnippetViewSetGroup):
    items = (VenueViewSet, EventCategoryViewSet)
    menu_icon = "date"
    menu_label = _("Event places and types")
    menu_name = "event_snippets"
    menu_order = 240


register_snippet(EventsSnippetGroup)


@hooks.register("register_admin_viewset")
def register_registration_viewset():
    return RegistrationViewSet("events_registration")


@hooks.register("construct_homepage_panels")
def add_next_events_panel(request, panels):
    panel = NextEventsPanel.for_request(request)
    if panel is not None:
        panels.append(panel)


@hooks.register("register_log_actions")
def register_log_actions(actions):
    actions.register_action(
        "events.add", _("Add registration"), _("Registration added")
    )
    actions.register_action(
        "events.cancel", _("Cancel registration"), _("Registration cancelled")
    )
    actions.register_action("events.check_in", _("Check in"), _("Attendee checked in"))
    actions.register_action(
        "events.check_in_undo", _("Undo check-in"), _("Check-in undone")
    )
    actions.register_action(
        "events.purge",
        _("Delete registrants' personal data"),
        _("Registrants' personal data deleted"),
    )
    actions.register_action(
        "events.export", _("Export registrations"), _("Registrations exported")
    )
