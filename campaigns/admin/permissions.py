"""Who may do what on the campaign list and the materials library: writers
(the "Communications" group) and reviewers (the "Campaign reviewers" group),
and the review workflow their pages go through.

Writers add and edit pages and translate them; their only way to publish is
to submit to the "Campaign review" workflow, whose one step the reviewers
approve (approval publishes). Reviewers also publish translations from the
translation editor and can take a page down.

Wagtail grants page rights on a part of the page tree, not on a page type,
so the rights are attached to each campaign list and library page, in every
language, when it is created (the groups themselves, their other rights and
the workflow come from data migrations)."""

from django.contrib.auth.models import Group, Permission

from wagtail.models import GroupPagePermission, Workflow, WorkflowPage

COMMUNICATIONS_GROUP = "Communications"
REVIEWERS_GROUP = "Campaign reviewers"
REVIEW_WORKFLOW = "Campaign review"
PAGE_PERMISSIONS = {
    COMMUNICATIONS_GROUP: ("add_page", "change_page"),
    REVIEWERS_GROUP: ("change_page", "publish_page"),
}


def grant_page_rights(page) -> None:
    """Give writers and reviewers their rights on pages under ``page`` and
    send those pages through the review workflow. Idempotent."""
    for group in Group.objects.filter(name__in=PAGE_PERMISSIONS):
        for codename in PAGE_PERMISSIONS[group.name]:
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
