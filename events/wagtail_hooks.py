"""Registers the events app in the Wagtail admin: venues and categories as
snippets, the registrations viewset and its permission policy, the
dashboard panel, the audit-log actions and the page hooks that keep booked
dates. What they do is in :mod:`events.admin`."""

from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet

from events.admin import pages
from events.admin.dashboard import NextEventsPanel
from events.admin.permissions import registration_permission_policy
from events.admin.viewsets import EventsSnippetGroup, RegistrationViewSet
from events.models import Registration

register_snippet(EventsSnippetGroup)
register_permission_policy(Registration, registration_permission_policy)


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


# A booked date is never removed from its page: say when one was kept, and
# refuse to delete an event that has registrations.
hooks.register("after_edit_page", pages.say_which_booked_dates_were_kept)
hooks.register("before_delete_page", pages.refuse_deleting_booked_events)
hooks.register("before_bulk_action", pages.refuse_bulk_deleting_booked_events)
