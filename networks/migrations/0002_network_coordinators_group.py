"""The "Network coordinators" group: admin access and nothing else. What a
coordinator sees comes from the networks they are named in (see
networks.admin_views.VolunteerPermissionPolicy), not from model permissions,
so the group grants no permission on any people data."""

from django.db import migrations

GROUP = "Network coordinators"


def create_group(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    ContentType = apps.get_model("contenttypes", "ContentType")
    group, _ = Group.objects.get_or_create(name=GROUP)
    admin_type, _ = ContentType.objects.get_or_create(
        app_label="wagtailadmin", model="admin"
    )
    access_admin, _ = Permission.objects.get_or_create(
        content_type=admin_type,
        codename="access_admin",
        defaults={"name": "Can access Wagtail admin"},
    )
    group.permissions.add(access_admin)


def remove_group(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name=GROUP).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("networks", "0001_initial"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("wagtailadmin", "0001_create_admin_access_permissions"),
    ]

    operations = [migrations.RunPython(create_group, remove_group)]
