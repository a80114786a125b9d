"""Volunteers' available days are stored as the site's one weekday form,
Python's ``date.weekday()`` (Monday is 0), as the directory's opening hours
already were."""

from django.db import migrations

DAYS = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]


def to_numbers(apps, schema_editor):
    Volunteer = apps.get_model("networks", "Volunteer")
    for volunteer in Volunteer.objects.exclude(available_days=[]).only(
        "available_days"
    ):
        days = [
            DAYS.index(day) if day in DAYS else day for day in volunteer.available_days
        ]
        if days != volunteer.available_days:
            volunteer.available_days = days
            volunteer.save(update_fields=["available_days"])


def to_codes(apps, schema_editor):
    Volunteer = apps.get_model("networks", "Volunteer")
    for volunteer in Volunteer.objects.exclude(available_days=[]).only(
        "available_days"
    ):
        days = [
            DAYS[day] if isinstance(day, int) and 0 <= day < 7 else day
            for day in volunteer.available_days
        ]
        if days != volunteer.available_days:
            volunteer.available_days = days
            volunteer.save(update_fields=["available_days"])


class Migration(migrations.Migration):
    dependencies = [("networks", "0007_one_pending_signup_per_email_and_network")]

    operations = [migrations.RunPython(to_numbers, to_codes)]
