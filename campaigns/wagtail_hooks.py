"""Admin registration: themes, and the pledges staff list and export as
CSV (the viewsets are in :mod:`campaigns.admin.viewsets`)."""

from django.contrib.auth.models import Permission

from wagtail import hooks
from wagtail.snippets.models import register_snippet

from campaigns.admin.viewsets import CampaignsGroup

register_snippet(CampaignsGroup)


@hooks.register("register_permissions")
def register_pledge_permissions():
    return Permission.objects.filter(
        content_type__app_label="campaigns", codename="view_pledge"
    )
