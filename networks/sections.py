"""The home page's call to volunteer."""

from networks.models import ProtectionNetwork, VolunteerIndexPage, VolunteerOpportunity


def volunteer_call_to_action(page, request):
    """The volunteering page in the visitor's language with how many
    networks and opportunities are open; None (no section) without one."""
    index = VolunteerIndexPage.for_visitor()
    if index is None:
        return None
    return {
        "url": index.get_url(request),
        "networks": ProtectionNetwork.objects.filter(is_active=True).count(),
        "opportunities": VolunteerOpportunity.objects.active()
        .filter(locale_id=index.locale_id)
        .count(),
    }
