"""Background tasks of the events app."""

from django_tasks import task


@task()
def send_event_reminders_task() -> int:
    """Periodic: remind confirmed attendees the day before (see
    :meth:`events.models.Registration.send_reminders`)."""
    from events.models import Registration

    return Registration.send_reminders()


@task()
def purge_event_registrations_task() -> int:
    """Periodic: delete registrants' personal data after the retention
    period (see :meth:`events.models.Registration.purge`)."""
    from events.models import Registration

    return Registration.purge()
