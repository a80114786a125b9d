"""The "Communications" group and the "Campaign review" workflow.

The group may enter the admin, add, edit and choose images and documents,
edit themes and see (and export) pledges. Its rights on pages are granted
on each campaign list and materials library when it is created (see
campaigns.permissions). The workflow has one step, approval by a member of
the group: one person writes and submits, another reviews and publishes."""

from django.db import migrations

GROUP = "Communications"
WORKFLOW = "Campaign review"
TASK = "Communications review"


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


def create_group(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Collection = apps.get_model("wagtailcore", "Collection")
    GroupCollectionPermission = apps.get_model(
        "wagtailcore", "GroupCollectionPermission"
    )
    Workflow = apps.get_model("wagtailcore", "Workflow")
    WorkflowTask = apps.get_model("wagtailcore", "WorkflowTask")
    GroupApprovalTask = apps.get_model("wagtailcore", "GroupApprovalTask")
    ContentType = apps.get_model("contenttypes", "ContentType")

    group, _ = Group.objects.get_or_create(name=GROUP)
    group.permissions.add(
        _permission(
            apps, "wagtailadmin", "admin", "access_admin", "Can access Wagtail admin"
        ),
        _permission(apps, "campaigns", "theme", "add_theme", "Can add theme"),
        _permission(apps, "campaigns", "theme", "change_theme", "Can change theme"),
        _permission(apps, "campaigns", "pledge", "view_pledge", "Can view pledge"),
    )
    root = Collection.objects.filter(depth=1).first()
    if root is not None:
        for app_label, model in (
            ("wagtailimages", "image"),
            ("wagtaildocs", "document"),
        ):
            for action in ("add", "change", "choose"):
                GroupCollectionPermission.objects.get_or_create(
                    group=group,
                    collection=root,
                    permission=_permission(
                        apps,
                        app_label,
                        model,
                        f"{action}_{model}",
                        f"Can {action} {model}",
                    ),
                )

    task_type, _ = ContentType.objects.get_or_create(
        app_label="wagtailcore", model="groupapprovaltask"
    )
    task = GroupApprovalTask.objects.filter(name=TASK).first()
    if task is None:
        task = GroupApprovalTask.objects.create(name=TASK, content_type=task_type)
    task.groups.add(group)
    workflow, _ = Workflow.objects.get_or_create(name=WORKFLOW)
    WorkflowTask.objects.get_or_create(
        workflow=workflow, task=task, defaults={"sort_order": 0}
    )


def remove_group(apps, schema_editor):
    apps.get_model("wagtailcore", "Workflow").objects.filter(name=WORKFLOW).delete()
    apps.get_model("wagtailcore", "Task").objects.filter(name=TASK).delete()
    apps.get_model("auth", "Group").objects.filter(name=GROUP).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("campaigns", "0001_initial"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("wagtailadmin", "0001_create_admin_access_permissions"),
        ("wagtailcore", "0098_apitoken"),
        # After the migrations that give every group with "add" the
        # "choose" permission, so they do not add it a second time.
        ("wagtailimages", "0027_image_description"),
        ("wagtaildocs", "0014_alter_document_file_size"),
    ]

    operations = [migrations.RunPython(create_group, remove_group)]
