"""Admin registration: networks and opportunities for programme staff, the
volunteers' pipeline for coordinators, the dashboard panel and the audit-log
actions (the viewsets, views and panel are in :mod:`networks.admin`)."""

from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet

from networks.admin.dashboard import SignupsPanel
from networks.admin.permissions import VolunteerPermissionPolicy
from networks.admin.viewsets import VolunteeringGroup, VolunteerViewSet
from networks.models import Volunteer

register_permission_policy(Volunteer, VolunteerPermissionPolicy(Volunteer))
register_snippet(VolunteeringGroup)


@hooks.register("register_admin_viewset")
def register_volunteer_viewset():
    return VolunteerViewSet("networks_volunteer")


@hooks.register("construct_homepage_panels")
def add_signups_panel(request, panels):
    panel = SignupsPanel.for_request(request)
    if panel is not None:
        panels.append(panel)


@hooks.register("register_log_actions")
def register_log_actions(actions):
    actions.register_action(
        "networks.confirm", _("Confirm sign-up"), _("Volunteer confirmed their e-mail")
    )
    actions.register_action("networks.status", _("Change status"), _("Status changed"))
    actions.register_action(
        "networks.conduct",
        _("Accept code of conduct"),
        _("Volunteer accepted the code of conduct"),
    )
    actions.register_action(
        "networks.training",
        _("Record training"),
        _("Safeguarding training recorded"),
    )
    actions.register_action(
        "networks.references",
        _("Record references"),
        _("References check recorded"),
    )
    actions.register_action("networks.note", _("Add note"), _("Note added"))
    actions.register_action(
        "networks.export", _("Export volunteers"), _("Volunteers exported")
    )
    actions.register_action(
        "networks.self_export",
        _("Download own data"),
        _("Volunteer downloaded their data"),
    )
    actions.register_action(
        "networks.erase", _("Delete personal data"), _("Volunteer's data deleted")
    )
