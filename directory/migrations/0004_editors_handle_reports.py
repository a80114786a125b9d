"""Directory editors read and close reports of wrong information."""

from django.db import migrations

CODENAMES = [
    "view_wronginformationreport",
    "change_wronginformationreport",
    "delete_wronginformationreport",
]


def grant(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    Group = apps.get_model("auth", "Group")
    content_type, _ = ContentType.objects.get_or_create(
        app_label="directory", model="wronginformationreport"
    )
    permissions = [
        Permission.objects.get_or_create(
            content_type=content_type,
            codename=codename,
            defaults={"name": codename.replace("_", " ").capitalize()},
        )[0]
        for codename in CODENAMES
    ]
    group, _ = Group.objects.get_or_create(name="Directory editors")
    group.permissions.add(*permissions)


class Migration(migrations.Migration):
    dependencies = [("directory", "0003_pages_and_reports")]

    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
