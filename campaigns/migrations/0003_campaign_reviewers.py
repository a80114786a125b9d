"""Writers submit, reviewers publish, writers translate.

Creates the "Campaign reviewers" group (admin access, choose images and
documents) and makes it the one that approves the "Campaign review" task.
The "Communications" group (the writers) loses the right to publish on the
campaign lists and materials libraries that exist, so its only way to
publish is the workflow, and gains the right to submit translations;
reviewers get edit and publish there (to publish translations and to take a
page down). New lists get the same rights (campaigns.permissions)."""

from django.db import migrations

WRITERS = "Communications"
REVIEWERS = "Campaign reviewers"
TASK = "Communications review"
LIST_MODELS = ("CampaignIndexPage", "DialogueMaterialIndexPage")
REVIEWER_PAGE_ACTIONS = ("change", "publish")


def _permission(apps, app_label, model, codename, name):
    Permission = apps.get_model("auth", "Permission")
    ContentType = apps.get_model("contenttypes", "ContentType")
    content_type, _ = ContentType.objects.get_or_create(
        app_label=app_label, model=model
    )
    permission, _ = Permission.objects.get_or_create(
        content_type=content_type, codename=codename, defaults={"name": name}
    )
    return permission


def _page_permission(apps, action):
    return _permission(
        apps, "wagtailcore", "page", f"{action}_page", f"Can {action} page"
    )


def _list_page_ids(apps) -> list[int]:
    return [
        pk
        for name in LIST_MODELS
        for pk in apps.get_model("campaigns", name).objects.values_list("pk", flat=True)
    ]


def _submit_translation(apps):
    return _permission(
        apps,
        "wagtail_localize",
        "translation",
        "submit_translation",
        "Can submit translations",
    )


def split_roles(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Collection = apps.get_model("wagtailcore", "Collection")
    GroupCollectionPermission = apps.get_model(
        "wagtailcore", "GroupCollectionPermission"
    )
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    GroupApprovalTask = apps.get_model("wagtailcore", "GroupApprovalTask")

    reviewers, _ = Group.objects.get_or_create(name=REVIEWERS)
    reviewers.permissions.add(
        _permission(
            apps, "wagtailadmin", "admin", "access_admin", "Can access Wagtail admin"
        )
    )
    root = Collection.objects.filter(depth=1).first()
    if root is not None:
        for app_label, model in (
            ("wagtailimages", "image"),
            ("wagtaildocs", "document"),
        ):
            GroupCollectionPermission.objects.get_or_create(
                group=reviewers,
                collection=root,
                permission=_permission(
                    apps, app_label, model, f"choose_{model}", f"Can choose {model}"
                ),
            )
    task = GroupApprovalTask.objects.filter(name=TASK).first()
    if task is not None:
        task.groups.set([reviewers])

    page_ids = _list_page_ids(apps)
    for page_id in page_ids:
        for action in REVIEWER_PAGE_ACTIONS:
            GroupPagePermission.objects.get_or_create(
                group=reviewers,
                page_id=page_id,
                permission=_page_permission(apps, action),
            )
    writers = Group.objects.filter(name=WRITERS).first()
    if writers is not None:
        writers.permissions.add(_submit_translation(apps))
        GroupPagePermission.objects.filter(
            group=writers,
            page_id__in=page_ids,
            permission=_page_permission(apps, "publish"),
        ).delete()


def merge_roles(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    GroupApprovalTask = apps.get_model("wagtailcore", "GroupApprovalTask")
    writers = Group.objects.filter(name=WRITERS).first()
    if writers is not None:
        writers.permissions.remove(_submit_translation(apps))
        for page_id in _list_page_ids(apps):
            GroupPagePermission.objects.get_or_create(
                group=writers,
                page_id=page_id,
                permission=_page_permission(apps, "publish"),
            )
        task = GroupApprovalTask.objects.filter(name=TASK).first()
        if task is not None:
            task.groups.set([writers])
    Group.objects.filter(name=REVIEWERS).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("campaigns", "0002_communications_group"),
        ("wagtail_localize", "0006_create_submit_translation_permission"),
    ]

    operations = [migrations.RunPython(split_roles, merge_roles)]
