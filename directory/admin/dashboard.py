"""The admin dashboard panel: entries due for re-verification."""

from datetime import timedelta

from django.utils import timezone

from laces.components import Component

from directory import conf
from directory.models import Service

LIMIT = 10


class DueForVerificationPanel(Component):
    name = "directory_due_for_verification"
    order = 95
    template_name = "directory/admin/due_panel.html"

    def __init__(self, services, total):
        self.services = services
        self.total = total

    @classmethod
    def for_request(cls, request):
        """The oldest unverified entries, for users who may edit services."""
        if not request.user.has_perm("directory.change_service"):
            return None
        limit = timezone.now() - timedelta(days=conf.stale_after_days())
        due = Service.objects.checked_before(limit).order_by("checked_at")
        return cls(list(due.select_related("organization")[:LIMIT]), due.count())

    def get_context_data(self, parent_context=None):
        return {
            "services": self.services,
            "total": self.total,
            "hide_after_days": conf.hide_after_days(),
        }
