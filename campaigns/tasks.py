"""Background tasks of the campaigns app."""

from django_tasks import task


@task()
def purge_pledges_task() -> int:
    """Periodic: delete pledges never confirmed (see
    :meth:`campaigns.models.Pledge.purge`)."""
    from campaigns.models import Pledge

    return Pledge.purge()
