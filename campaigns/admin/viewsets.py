"""The admin's snippets: themes, and the pledges staff list and export as
CSV (read only: pledges are written by the people who sign)."""

from django.utils.translation import gettext_lazy as _

from wagtail.admin.ui.tables import Column, DateColumn
from wagtail.snippets.views.snippets import (
    IndexView,
    SnippetViewSet,
    SnippetViewSetGroup,
)

from campaigns.models import Pledge, Theme
from convivir.exports import SafeSpreadsheetExportMixin


class ThemeViewSet(SnippetViewSet):
    model = Theme
    icon = "tag"
    menu_label = _("Themes")
    list_display = ["name", "slug", "locale"]
    list_filter = ["locale"]
    search_fields = ["name"]
    ordering = ["name"]


class PledgeIndexView(SafeSpreadsheetExportMixin, IndexView):
    """What people typed into the public form is exported as text, never
    as a spreadsheet formula."""


class PledgeViewSet(SnippetViewSet):
    """Pledges for staff with the "view pledge" permission, filterable by
    campaign and exportable (``?export=csv``). Nobody adds or edits them
    here: the people who sign do, through the public form."""

    model = Pledge
    icon = "success"
    menu_label = _("Pledges")
    index_view_class = PledgeIndexView
    list_display = [
        "campaign",
        Column("public_name", label=_("Name")),
        "municipality",
        DateColumn("created_at", label=_("Signed at")),
        DateColumn("confirmed_at", label=_("Confirmed at")),
    ]
    list_filter = ["campaign", "is_anonymous", "language"]
    list_export = [
        "campaign",
        "public_name",
        "email",
        "municipality",
        "language",
        "created_at",
        "confirmed_at",
        "consent_at",
    ]
    export_headings = {
        "campaign": _("Campaign"),
        "public_name": _("Name"),
        "email": _("E-mail"),
        "municipality": _("Municipality"),
        "language": _("Language"),
        "created_at": _("Signed at"),
        "confirmed_at": _("Confirmed at"),
        "consent_at": _("Consent given at"),
    }
    export_filename = "compromisos"
    search_fields = ["municipality", "name"]
    ordering = ["-created_at"]
    inspect_view_enabled = True
    copy_view_enabled = False

    def get_queryset(self, request):
        return Pledge.objects.confirmed().select_related("campaign")


class CampaignsGroup(SnippetViewSetGroup):
    items = (ThemeViewSet, PledgeViewSet)
    menu_icon = "pick"
    menu_label = _("Campaigns")
    menu_name = "campaigns"
    menu_order = 250
