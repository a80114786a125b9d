"""Background tasks of the directory."""

from django_tasks import task

from directory.verification import notify_hidden_entries, send_verification_requests


@task()
def send_verification_requests_task() -> int:
    """Monthly: ask each service's contacts to confirm their entry."""
    return send_verification_requests()


@task()
def notify_hidden_entries_task() -> int:
    """Daily: tell editors which entries were hidden for lack of verification."""
    return notify_hidden_entries()
