"""Admin registration: networks and opportunities for programme staff, the
volunteers' pipeline for coordinators, the dashboard panel and the audit-log
actions."""

from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.panels import ObjectList
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from networks.admin_views import VolunteerViewSet
from networks.dashboard import SignupsPanel
from networks.forms import OpportunityAdminForm
from networks.models import ProtectionNetwork, VolunteerOpportunity


class ProtectionNetworkViewSet(SnippetViewSet):
    model = ProtectionNetwork
    icon = "group"
    menu_label = _("Networks")
    list_display = ["name", "municipality", "state", "is_active"]
    list_filter = ["state", "is_active"]
    search_fields = ["name", "municipality"]
    ordering = ["name"]


class VolunteerOpportunityViewSet(SnippetViewSet):
    model = VolunteerOpportunity
    icon = "tasks"
    menu_label = _("Opportunities")
    list_display = ["title", "network", "is_active", "locale"]
    list_filter = ["network", "is_active", "locale"]
    search_fields = ["title", "description"]
    ordering = ["title"]
    edit_handler = ObjectList(
        VolunteerOpportunity.panels, base_form_class=OpportunityAdminForm
    )


class VolunteeringGroup(SnippetViewSetGroup):
    items = (ProtectionNetworkViewSet, VolunteerOpportunityViewSet)
    menu_icon = "group"
    menu_label = _("Protection networks")
    menu_name = "protection_networks"
    menu_order = 260


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
