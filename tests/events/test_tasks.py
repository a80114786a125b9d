"""The periodic jobs of the events app are registered and run."""

from datetime import timedelta

import pytest

from convivir.periodic import periodic_jobs
from events.factories import RegistrationFactory
from events.tasks import purge_event_registrations_task, send_event_reminders_task

pytestmark = pytest.mark.django_db


def test_jobs_are_registered_as_periodic_tasks():
    names = {job.name: job for job in periodic_jobs}
    assert names["send_event_reminders"].every == timedelta(minutes=15)
    assert names["purge_event_registrations"].every == timedelta(days=1)
    assert names["send_event_reminders"].task.func.__name__ == (
        "send_event_reminders_task"
    )


def test_periodic_tasks_run(tomorrow, event):
    RegistrationFactory(occurrence=tomorrow)
    assert send_event_reminders_task.call() == 1
    assert purge_event_registrations_task.call() == 0
