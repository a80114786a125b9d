"""Background tasks of the campaigns app."""

from django_tasks import task

from campaigns.models import Pledge


@task()
def purge_pledges_task() -> int:
    """Periodic: delete pledges never confirmed (see
    :meth:`campaigns.models.Pledge.purge`)."""
    return Pledge.purge()
