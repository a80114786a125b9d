"""Admin registration: services (drafts, moderation, filters, "mark verified
today"), organisations with their inline locations (addresses only for
users allowed to see confidential locations, each such view audit-logged),
the taxonomy, the dashboard panel and the audit-log actions."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import ObjectList
from wagtail.admin.widgets import ListingButton
from wagtail.log_actions import log
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from directory.admin_views import verify_service
from directory.dashboard import DueForVerificationPanel
from directory.filters import ServiceFilterSet
from directory.models import (
    CONFIDENTIAL_PERMISSION,
    Location,
    Organization,
    Service,
    TaxonomyTerm,
    WrongInformationReport,
)


class OrganizationAdminForm(WagtailAdminModelForm):
    """Leaves a confidential location's address and coordinates out of the
    form for users without the permission: they neither see nor change them.
    """

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        user = self.for_user
        if user is not None and user.has_perm(CONFIDENTIAL_PERMISSION):
            return
        formset = self.formsets.get("locations")
        for form in formset.forms if formset else []:
            if form.instance.pk and form.instance.is_confidential:
                for name in Location.ADDRESS_FIELDS:
                    form.fields.pop(name, None)


class ServiceAdminForm(WagtailAdminModelForm):
    """Once a service has its organisation, its places are chosen among that
    organisation's locations (HSDS: a location belongs to one organisation),
    which also keeps the list short in a directory of thousands."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        organization_id = self.instance.organization_id
        formset = self.formsets.get("service_at_locations")
        if not organization_id or formset is None:
            return
        locations = Location.objects.filter(organization_id=organization_id)
        base = formset.form

        class PlaceForm(base):
            def __init__(self, *args, **kwargs):
                super().__init__(*args, **kwargs)
                self.fields["location"].queryset = locations

        # Before the formset builds its forms (and its empty template form).
        formset.form = PlaceForm


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


register_snippet(DirectoryGroup)


@hooks.register("register_admin_urls")
def register_directory_admin_urls():
    return [
        path(
            "directory/services/<uuid:pk>/verify/",
            verify_service,
            name="directory_verify",
        )
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


@hooks.register("before_edit_snippet")
def log_confidential_address_view(request, instance):
    """Every time someone allowed to see confidential addresses opens an
    organisation that has one, the audit log records it."""
    if (
        request.method == "GET"
        and isinstance(instance, Organization)
        and request.user.has_perm(CONFIDENTIAL_PERMISSION)
        and instance.locations.filter(is_confidential=True).exists()
    ):
        log(
            instance=instance,
            action="directory.view_confidential",
            user=request.user,
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
