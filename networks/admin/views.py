"""The volunteers' admin views: the list with its filters and exports,
the read-only inspect view, and the summary panel of the edit view."""

from django.template.loader import render_to_string
from django.utils.translation import gettext_lazy as _

from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.panels import Panel
from wagtail.admin.views.generic.models import IndexView, InspectView
from wagtail.log_actions import log

import django_filters

from convivir.exports import SafeSpreadsheetExportMixin
from networks.admin.permissions import followed_networks
from networks.models import ProtectionNetwork, Volunteer


def _user_networks(request):
    if request is None:
        return ProtectionNetwork.objects.none()
    return followed_networks(request.user)


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
        return self.permission_policy.instances_user_has_permission_for(
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
        return render_to_string(
            "networks/admin/notes.html",
            {"notes": self.object.notes.select_related("author")},
        )

    def get_safeguards_display_value(self):
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
