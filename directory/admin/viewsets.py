"""The directory's snippets in the admin, grouped under *Directory*:
services (drafts, moderation, filters), organisations with their inline
locations (addresses only for users allowed to see confidential locations,
each such view audit-logged; see :mod:`directory.confidentiality`), reports
of wrong information and the taxonomy."""

from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import ObjectList
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from directory.admin.filters import ServiceFilterSet
from directory.admin.forms import OrganizationAdminForm, ServiceAdminForm
from directory.admin.views import OrganizationEditView
from directory.models import (
    Organization,
    Service,
    TaxonomyTerm,
    WrongInformationReport,
)


class ServiceViewSet(SnippetViewSet):
    model = Service
    icon = "help"
    menu_label = _("Services")
    list_display = [
        "name",
        "organization",
        "status",
        "status_changed_at",
        "last_verified_at",
        "live",
    ]
    filterset_class = ServiceFilterSet
    search_fields = ["name", "description"]
    ordering = ["name"]
    list_per_page = 50
    edit_handler = ObjectList(Service.panels, base_form_class=ServiceAdminForm)


class OrganizationViewSet(SnippetViewSet):
    model = Organization
    icon = "group"
    menu_label = _("Organisations")
    list_display = ["name", "website"]
    search_fields = ["name", "description"]
    ordering = ["name"]
    edit_view_class = OrganizationEditView
    # A copy would carry confidential addresses into a new, unguarded entry.
    copy_view_enabled = False
    edit_handler = ObjectList(
        Organization.panels, base_form_class=OrganizationAdminForm
    )


class TaxonomyTermViewSet(SnippetViewSet):
    model = TaxonomyTerm
    icon = "tag"
    menu_label = _("Service types and populations")
    list_display = ["name_es", "name_en", "taxonomy"]
    list_filter = ["taxonomy"]
    search_fields = ["name_es", "name_en"]
    panels = [
        "taxonomy",
        "code",
        "name_es",
        "name_en",
        "description",
        "icon",
        "quick_exit",
    ]


class WrongInformationReportViewSet(SnippetViewSet):
    model = WrongInformationReport
    icon = "warning"
    menu_label = _("Reports of wrong information")
    list_display = ["service", "what_is_wrong", "status", "created_at"]
    list_filter = ["status"]
    search_fields = ["what_is_wrong"]
    ordering = ["-created_at"]


class DirectoryGroup(SnippetViewSetGroup):
    items = (
        ServiceViewSet,
        OrganizationViewSet,
        WrongInformationReportViewSet,
        TaxonomyTermViewSet,
    )
    menu_icon = "site"
    menu_label = _("Directory")
    menu_name = "directory"
    menu_order = 250
    submenu_hook = "register_directory_menu_item"
