"""Admin registration: venues and categories as snippets, the staff's
registrations tools, the dashboard panel and the audit-log actions."""

import re

from django.contrib import messages
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from wagtail import hooks
from wagtail.models import Page
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from events.admin_views import RegistrationViewSet
from events.booked import kept_after_edit
from events.dashboard import NextEventsPanel
from events.models import EventCategory, EventPage, Registration, Venue

SUBMITTED_DATE = re.compile(r"^occurrences-\d+-id$")


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


# --- Dates with registrations -----------------------------------------------------


@hooks.register("after_edit_page")
def say_which_booked_dates_were_kept(request, page):
    """A form without a booked date (opened before it was added, or a
    revert to an older version) kept it: tell the editor."""
    if not isinstance(page, EventPage) or request.method != "POST":
        return
    submitted = [
        value for key, value in request.POST.items() if SUBMITTED_DATE.match(key)
    ]
    kept = kept_after_edit(page, submitted)
    if kept:
        dates = ", ".join(f"{row.local_start:%Y-%m-%d %H:%M}" for row in kept)
        messages.warning(
            request,
            ngettext(
                "This date has registrations, so it was kept on the page: "
                "%(dates)s. If it is cancelled, close its registration and "
                "tell those registered.",
                "These dates have registrations, so they were kept on the "
                "page: %(dates)s. If they are cancelled, close their "
                "registration and tell those registered.",
                len(kept),
            )
            % {"dates": dates},
        )


def _refuse_if_booked(request, pages, back_url):
    """A page whose event dates (its own or below it) have registrations
    cannot be deleted: the registrations and the counts kept for reports
    would go with it."""
    for page in pages:
        if Registration.objects.filter(
            occurrence__page__path__startswith=page.path
        ).exists():
            messages.error(
                request,
                _(
                    "“%(title)s” has registrations on its dates, so it cannot "
                    "be deleted. Unpublish it instead: the registrations and "
                    "the counts kept for reports stay."
                )
                % {"title": page.get_admin_display_title()},
            )
            return redirect(back_url)
    return None


@hooks.register("before_delete_page")
def refuse_deleting_booked_events(request, page):
    back = reverse("wagtailadmin_pages:edit", args=[page.pk])
    return _refuse_if_booked(request, [page], back)


@hooks.register("before_bulk_action")
def refuse_bulk_deleting_booked_events(request, action_type, objects, action):
    if action_type != "delete" or not objects:
        return None
    if not all(isinstance(o, Page) for o in objects):
        return None
    back = action.next_url
    if not back or back == request.path:  # no listing to go back to
        back = reverse("wagtailadmin_explore", args=[objects[0].get_parent().pk])
    return _refuse_if_booked(request, objects, back)
