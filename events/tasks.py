"""Background tasks of the events app."""

from django_tasks import task

from events.models import Occurrence, Registration
from events.seats import promote_all


@task()
def send_event_reminders_task() -> int:
    """Periodic: remind confirmed attendees the day before (see
    :meth:`events.models.Registration.send_reminders`)."""
    return Registration.send_reminders()


@task()
def purge_event_registrations_task() -> int:
    """Periodic: delete registrants' personal data after the retention
    period (see :meth:`events.models.Registration.purge`)."""
    return Registration.purge()


@task()
def promote_waiting_lists_task() -> int:
    """Periodic: give free seats to those waiting on every date that has not
    started, in case a change reached the database without going through
    the seat rules (see :func:`events.seats.promote_all`). Returns how many
    registrations were promoted."""
    return len(promote_all(Occurrence.objects.all()))
