"""Background tasks of the networks app."""

from django_tasks import task

from networks.models import Volunteer


@task()
def purge_volunteers_task() -> int:
    """Periodic: delete unconfirmed sign-ups and long-inactive volunteers
    (see :meth:`networks.models.Volunteer.purge`)."""
    return Volunteer.purge()
