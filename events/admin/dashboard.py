"""The admin dashboard panel: the next dates with seats taken, capacity
and waiting list."""

from django.utils import timezone

from laces.components import Component

from events.admin.permissions import registration_permission_policy
from events.admin.queries import staff_occurrences

PANEL_DATES = 6


class NextEventsPanel(Component):
    name = "next_events"
    order = 80
    template_name = "events/admin/next_events_panel.html"

    def __init__(self, occurrences):
        self.occurrences = occurrences

    @classmethod
    def for_request(cls, request):
        """The panel for staff who may see registrations, when there are
        dates to come; None otherwise."""
        if not registration_permission_policy.user_has_permission(request.user, "view"):
            return None
        occurrences = list(
            staff_occurrences()
            .filter(end__gte=timezone.now())
            .with_seats()
            .order_by("start")[:PANEL_DATES]
        )
        return cls(occurrences) if occurrences else None

    def get_context_data(self, parent_context=None):
        return {"occurrences": self.occurrences}
