"""The "Communications" group's rights on the campaign list and the
materials library, and the review workflow their pages go through.

Wagtail grants page rights on a part of the page tree, not on a page type,
so the rights are attached to each campaign list and library page when it
is created (the group itself and its rights on images, documents, themes
and pledges come from a data migration)."""

from django.contrib.auth.models import Group, Permission

from wagtail.models import GroupPagePermission, Workflow, WorkflowPage

COMMUNICATIONS_GROUP = "Communications"
REVIEW_WORKFLOW = "Campaign review"
PAGE_PERMISSIONS = ("add_page", "change_page", "publish_page")


def grant_communications(page) -> None:
    """Let the Communications group add, edit and publish pages under
    ``page``, and send them through the review workflow. Idempotent."""
    group = Group.objects.filter(name=COMMUNICATIONS_GROUP).first()
    if group is None:
        return
    for codename in PAGE_PERMISSIONS:
        GroupPagePermission.objects.get_or_create(
            group=group,
            page=page,
            permission=Permission.objects.get(
                content_type__app_label="wagtailcore", codename=codename
            ),
        )
    workflow = Workflow.objects.filter(name=REVIEW_WORKFLOW, active=True).first()
    if workflow is not None:
        WorkflowPage.objects.get_or_create(page=page, defaults={"workflow": workflow})
