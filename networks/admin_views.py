"""The coordinators' pipeline in the Wagtail admin.

Isolation between networks is enforced in two places that every admin URL
of the volunteer viewset goes through:

- :class:`VolunteerPermissionPolicy` grants coordinators "view" and "change"
  without any Django permission on the model (so Wagtail's site history,
  which shows log entries to anyone with a model permission, never lists
  volunteers to them) and scopes instances to their own networks;
- :meth:`VolunteerViewSet.get_urlpatterns` wraps every URL that names a
  volunteer so that one outside the user's networks is refused (403), whatever the
  view behind it (edit, inspect, history, usage, delete…).
"""

from functools import wraps

from django.contrib.admin.utils import unquote
from django.core.exceptions import PermissionDenied
from django.urls import URLPattern
from django.utils.translation import gettext_lazy as _

from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.panels import FieldPanel, MultiFieldPanel, ObjectList, Panel
from wagtail.admin.ui.tables import Column, DateColumn, TitleColumn
from wagtail.admin.views.generic.models import IndexView, InspectView
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.log_actions import log
from wagtail.permission_policies.base import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy

import django_filters

from convivir.exports import SafeSpreadsheetExportMixin
from networks.forms import VolunteerAdminForm
from networks.models import ProtectionNetwork, Volunteer


class VolunteerPermissionPolicy(ModelPermissionPolicy):
    """Coordinators view and follow up the confirmed volunteers of their own
    networks; programme staff with the model's permissions see every
    network's; nobody adds a volunteer by hand (people sign up themselves)."""

    def _coordinates_any(self, user) -> bool:
        cached = getattr(user, "_coordinates_a_network", None)
        if cached is None:
            cached = ProtectionNetwork.coordinated_by(user).exists()
            user._coordinates_a_network = cached
        return cached

    def user_has_permission(self, user, action):
        if not user.is_authenticated or not user.is_active:
            return False
        if action == "add":
            return False
        if user.is_superuser:
            return True
        if action in {"view", "change"} and self._coordinates_any(user):
            return True
        return super().user_has_permission(user, action)

    def user_has_any_permission(self, user, actions):
        return any(self.user_has_permission(user, action) for action in actions)

    def users_with_any_permission(self, actions):
        return super().users_with_any_permission(actions)

    def instances_user_has_permission_for(self, user, action):
        if not self.user_has_permission(user, action):
            return Volunteer.objects.none()
        return Volunteer.objects.visible_to(user)

    def user_has_permission_for_instance(self, user, action, instance):
        return (
            self.instances_user_has_permission_for(user, action)
            .filter(pk=instance.pk)
            .exists()
        )

    def user_has_any_permission_for_instance(self, user, actions, instance):
        return any(
            self.user_has_permission_for_instance(user, action, instance)
            for action in actions
        )


volunteer_permission_policy = VolunteerPermissionPolicy(Volunteer)
register_permission_policy(Volunteer, volunteer_permission_policy)


def _user_networks(request):
    if request is None:
        return ProtectionNetwork.objects.none()
    user = request.user
    if user.is_superuser or user.has_perm("networks.view_volunteer"):
        return ProtectionNetwork.objects.all()
    return ProtectionNetwork.coordinated_by(user)


class VolunteerFilterSet(WagtailFilterSet):
    network = django_filters.ModelChoiceFilter(
        queryset=_user_networks, label=_("network")
    )
    status = django_filters.ChoiceFilter(
        choices=Volunteer.Status.choices, label=_("status")
    )

    class Meta:
        model = Volunteer
        fields = ["network", "status"]


class VolunteerIndexView(SafeSpreadsheetExportMixin, IndexView):
    """The list, its search and its CSV/Excel export: always limited to the
    user's networks (the policy's queryset)."""

    def get_base_queryset(self):
        return volunteer_permission_policy.instances_user_has_permission_for(
            self.request.user, "view"
        ).select_related("network", "opportunity")

    def as_spreadsheet(self, queryset, spreadsheet_format):
        # Written before the file is built: an export is logged even if the
        # download is interrupted.
        counts = {}
        for network_id in queryset.values_list("network_id", flat=True):
            counts[network_id] = counts.get(network_id, 0) + 1
        for network in ProtectionNetwork.objects.filter(pk__in=counts):
            log(
                instance=network,
                action="networks.export",
                user=self.request.user,
                data={"volunteers": counts[network.pk], "format": spreadsheet_format},
            )
        return super().as_spreadsheet(queryset, spreadsheet_format)


class VolunteerInspectView(InspectView):
    def get_notes_display_value(self):
        from django.template.loader import render_to_string

        return render_to_string(
            "networks/admin/notes.html",
            {"notes": self.object.notes.select_related("author")},
        )

    def get_safeguards_display_value(self):
        from django.template.loader import render_to_string

        return render_to_string(
            "networks/admin/safeguards.html", {"volunteer": self.object}
        )

    def get_field_label(self, field_name, field):
        labels = {
            "languages_text": _("languages spoken"),
            "skills_text": _("skills"),
            "availability_text": _("availability"),
            "notes": _("notes"),
            "safeguards": _("safeguarding"),
        }
        if field_name in labels:
            return labels[field_name]
        return super().get_field_label(field_name, field)


class VolunteerSummaryPanel(Panel):
    """The volunteer's own details, safeguards and notes, read-only, above
    the fields a coordinator records."""

    class BoundPanel(Panel.BoundPanel):
        template_name = "networks/admin/volunteer_summary_panel.html"

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            context["volunteer"] = self.instance
            context["notes"] = self.instance.notes.select_related("author")
            return context


class VolunteerViewSet(ModelViewSet):
    """Volunteers, as their coordinators see them."""

    model = Volunteer
    icon = "group"
    menu_label = _("Volunteers")
    menu_order = 250
    add_to_admin_menu = True
    index_view_class = VolunteerIndexView
    inspect_view_class = VolunteerInspectView
    inspect_view_enabled = True
    copy_view_enabled = False
    search_backend_name = None
    search_fields = ["name", "email", "municipality"]
    filterset_class = VolunteerFilterSet
    list_per_page = 50
    list_display = [
        TitleColumn("name", label=_("name"), url_name="networks_volunteer:edit"),
        Column("network", label=_("network")),
        Column("status", label=_("status"), accessor="get_status_display"),
        Column("skills_text", label=_("skills")),
        DateColumn("confirmed_at", label=_("confirmed at")),
    ]
    list_export = [
        "name",
        "email",
        "phone",
        "municipality",
        "network",
        "opportunity",
        "get_status_display",
        "languages_text",
        "skills_text",
        "availability_text",
        "confirmed_at",
        "conduct_accepted_at",
        "training_completed_at",
        "references_checked_at",
    ]
    export_headings = {
        "name": _("Name"),
        "email": _("E-mail"),
        "phone": _("Phone or WhatsApp"),
        "municipality": _("Municipality"),
        "network": _("Network"),
        "opportunity": _("Opportunity"),
        "get_status_display": _("Status"),
        "languages_text": _("Languages"),
        "skills_text": _("Skills"),
        "availability_text": _("Availability"),
        "confirmed_at": _("Confirmed"),
        "conduct_accepted_at": _("Code of conduct accepted"),
        "training_completed_at": _("Training completed"),
        "references_checked_at": _("References checked"),
    }
    export_filename = "voluntarios"
    inspect_view_fields = [
        "network",
        "opportunity",
        "name",
        "email",
        "phone",
        "municipality",
        "languages_text",
        "skills_text",
        "availability_text",
        "motivation",
        "status",
        "status_changed_at",
        "confirmed_at",
        "privacy_consent_at",
        "privacy_notice_version",
        "safeguards",
        "notes",
    ]
    edit_handler = ObjectList(
        [
            VolunteerSummaryPanel(heading=_("Volunteer")),
            FieldPanel("status"),
            MultiFieldPanel(
                [FieldPanel("record_training"), FieldPanel("record_references")],
                heading=_("Safeguarding"),
                help_text=_(
                    "The code of conduct is accepted by the volunteer through the "
                    "link in their welcome e-mail."
                ),
            ),
            FieldPanel("new_note"),
        ],
        base_form_class=VolunteerAdminForm,
    )

    def get_urlpatterns(self):
        return [self._scoped(pattern) for pattern in super().get_urlpatterns()]

    @staticmethod
    def _scoped(pattern):
        """The same URL, refused (403) when the volunteer it names is not one
        the user may see, whether or not it exists. (A 404 under /admin/
        would be redirected into the language-prefixed public site.)"""
        if "pk" not in pattern.pattern.converters:
            return pattern
        view = pattern.callback

        @wraps(view)
        def scoped(request, *args, **kwargs):
            pk = unquote(str(kwargs["pk"]))
            if not pk.isdigit() or not (
                Volunteer.objects.visible_to(request.user).filter(pk=pk).exists()
            ):
                raise PermissionDenied
            return view(request, *args, **kwargs)

        return URLPattern(pattern.pattern, scoped, pattern.default_args, pattern.name)
