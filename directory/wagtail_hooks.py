"""Admin registration of the directory (nothing else lives here): the
*Directory* snippet group, the admin URLs, the listing buttons ("Mark
verified today", "Places"), the requests-to-publish menu item, the
dashboard panel and the audit-log actions. Viewsets, views, forms and the
panel are in :mod:`directory.admin`."""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.widgets import ListingButton
from wagtail.snippets.models import register_snippet

from directory import confidentiality
from directory.admin import urls
from directory.admin.dashboard import DueForVerificationPanel
from directory.admin.views import AddressReleasesMenuItem
from directory.admin.viewsets import DirectoryGroup
from directory.models import Organization, Service

register_snippet(DirectoryGroup)


@hooks.register("register_admin_urls")
def register_directory_admin_urls():
    return urls.urlpatterns


@hooks.register("register_snippet_listing_buttons")
def verify_button(snippet, user, next_url=None):
    if isinstance(snippet, Service) and user.has_perm("directory.change_service"):
        yield ListingButton(
            _("Mark verified today"),
            reverse("directory_verify", args=[snippet.pk]) + f"?next={next_url or ''}",
            icon_name="tick",
            priority=15,
        )


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
        "directory.import", _("Imported"), _("Imported from a data file")
    )
    actions.register_action(
        "directory.export_confidential",
        _("Export confidential addresses"),
        _("Confidential addresses exported"),
    )
