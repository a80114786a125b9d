"""The admin dashboard panel: new (confirmed) sign-ups per network per week,
as a small server-rendered SVG chart with the same numbers in a table."""

from datetime import datetime, time, timedelta

from django.db.models import Count
from django.db.models.functions import TruncWeek
from django.utils import timezone

from laces.components import Component

from networks.admin.permissions import followed_networks
from networks.models import Volunteer

WEEKS = 8
BAR_WIDTH = 14
BAR_GAP = 4
CHART_HEIGHT = 48


def week_start(moment):
    local = timezone.localtime(moment)
    return (local - timedelta(days=local.weekday())).date()


class SignupsPanel(Component):
    name = "volunteer_signups"
    order = 90
    template_name = "networks/admin/signups_panel.html"

    def __init__(self, rows, weeks):
        self.rows = rows
        self.weeks = weeks

    @classmethod
    def for_request(cls, request):
        """The panel for the user's own networks (every network for programme
        staff), or None for anyone who follows up no volunteers."""
        user = request.user
        networks = list(followed_networks(user))
        if not networks:
            return None
        this_week = week_start(timezone.now())
        weeks = [this_week - timedelta(weeks=n) for n in range(WEEKS - 1, -1, -1)]
        counts = (
            Volunteer.objects.visible_to(user)
            .filter(
                network__in=networks,
                confirmed_at__gte=timezone.make_aware(
                    datetime.combine(weeks[0], time.min)
                ),
            )
            .annotate(week=TruncWeek("confirmed_at"))
            .values("network_id", "week")
            .annotate(total=Count("id"))
        )
        by_network = {}
        for row in counts:
            week = row["week"]
            week = week.date() if hasattr(week, "date") else week
            by_network.setdefault(row["network_id"], {})[week] = row["total"]
        peak = max(
            [n for counts in by_network.values() for n in counts.values()] or [1]
        )
        rows = []
        for network in networks:
            values = [by_network.get(network.pk, {}).get(week, 0) for week in weeks]
            bars = []
            for index, value in enumerate(values):
                height = round(CHART_HEIGHT * value / peak) if value else 0
                bars.append(
                    {
                        "x": index * (BAR_WIDTH + BAR_GAP),
                        "y": CHART_HEIGHT - height,
                        "height": height,
                        "value": value,
                        "week": weeks[index],
                    }
                )
            rows.append(
                {
                    "network": network,
                    "values": values,
                    "bars": bars,
                    "total": sum(values),
                }
            )
        return cls(rows, weeks)

    def get_context_data(self, parent_context=None):
        return {
            "rows": self.rows,
            "weeks": self.weeks,
            "chart_width": WEEKS * (BAR_WIDTH + BAR_GAP) - BAR_GAP,
            "chart_height": CHART_HEIGHT,
            "bar_width": BAR_WIDTH,
        }
