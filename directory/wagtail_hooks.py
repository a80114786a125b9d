"""Admin registration: services (drafts, moderation, filters, "mark verified
today"), organisations with their inline locations (addresses only for
users allowed to see confidential locations, each such view audit-logged;
see :mod:`directory.confidentiality`), the requests to publish an address,
the taxonomy, the dashboard panel and the audit-log actions. The forms and
views themselves live in :mod:`directory.admin_forms` and
:mod:`directory.admin_views`."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.panels import ObjectList
from wagtail.admin.widgets import ListingButton
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from directory import confidentiality
from directory.admin_forms import OrganizationAdminForm, ServiceAdminForm
from directory.admin_views import (
    OrganizationEditView,
    address_releases,
    approve_address_release,
    organization_places,
    reject_address_release,
    verify_service,
)
from directory.dashboard import DueForVerificationPanel
from directory.filters import ServiceFilterSet
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
    list_display = ["name", "organization", "status", "last_verified_at", "live"]
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
    panels = ["taxonomy", "code", "name_es", "name_en", "description", "icon"]


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


register_snippet(DirectoryGroup)


@hooks.register("register_admin_urls")
def register_directory_admin_urls():
    return [
        path(
            "directory/services/<uuid:pk>/verify/",
            verify_service,
            name="directory_verify",
        ),
        path(
            "directory/organisations/<uuid:pk>/places/",
            organization_places,
            name="directory_organization_places",
        ),
        path(
            "directory/address-requests/",
            address_releases,
            name="directory_address_releases",
        ),
        path(
            "directory/address-requests/<int:pk>/approve/",
            approve_address_release,
            name="directory_address_release_approve",
        ),
        path(
            "directory/address-requests/<int:pk>/refuse/",
            reject_address_release,
            name="directory_address_release_reject",
        ),
    ]


@hooks.register("register_snippet_listing_buttons")
def verify_button(snippet, user, next_url=None):
    if isinstance(snippet, Service) and user.has_perm("directory.change_service"):
        yield ListingButton(
            _("Mark verified today"),
            reverse("directory_verify", args=[snippet.pk]) + f"?next={next_url or ''}",
            icon_name="tick",
            priority=15,
        )


class AddressReleasesMenuItem(MenuItem):
    def is_shown(self, request):
        return confidentiality.can_release(request.user)


@hooks.register("register_directory_menu_item")
def address_releases_menu_item():
    return AddressReleasesMenuItem(
        _("Requests to publish an address"),
        reverse("directory_address_releases"),
        icon_name="warning",
        order=900,
    )


@hooks.register("register_snippet_listing_buttons")
def places_button(snippet, user, next_url=None):
    if isinstance(snippet, Organization) and confidentiality.can_see(user):
        yield ListingButton(
            _("Places"),
            reverse("directory_organization_places", args=[snippet.pk]),
            icon_name="site",
            priority=20,
        )


@hooks.register("construct_homepage_panels")
def add_due_panel(request, panels):
    panel = DueForVerificationPanel.for_request(request)
    if panel is not None:
        panels.append(panel)


@hooks.register("register_log_actions")
def register_log_actions(actions):
    actions.register_action(
        "directory.verify", _("Mark verified"), _("Entry marked as verified")
    )
    actions.register_action(
        "directory.status", _("Change status"), _("Service status changed")
    )
    actions.register_action(
        "directory.view_confidential",
        _("View confidential address"),
        _("Confidential address viewed"),
    )
    actions.register_action(
        "directory.release_location",
        _("Publish a confidential address"),
        _("Confidential address published"),
    )
    actions.register_action(
        "directory.release_requested",
        _("Ask to publish a confidential address"),
        _("Publication of a confidential address requested"),
    )
    actions.register_action(
        "directory.release_refused",
        _("Keep an address confidential"),
        _("Publication of a confidential address refused"),
    )
    actions.register_action(
        "directory.export_confidential",
        _("Export confidential addresses"),
        _("Confidential addresses exported"),
    )
