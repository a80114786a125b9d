"""The admin's viewsets: volunteers as their coordinators see them, and
the snippets of networks and opportunities."""

from functools import wraps

from django.contrib.admin.utils import unquote
from django.core.exceptions import PermissionDenied
from django.urls import URLPattern
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, MultiFieldPanel, ObjectList
from wagtail.admin.ui.tables import Column, DateColumn, TitleColumn
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from networks.admin.forms import OpportunityAdminForm, VolunteerAdminForm
from networks.admin.views import (
    VolunteerFilterSet,
    VolunteerIndexView,
    VolunteerInspectView,
    VolunteerSummaryPanel,
)
from networks.models import ProtectionNetwork, Volunteer, VolunteerOpportunity


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
