"""``manage.py run_periodic_tasks``: queue the periodic jobs that are due.

Run it from cron or a systemd timer every five minutes, e.g.::

    */5 * * * *  cd /srv/convivir && .venv/bin/python manage.py run_periodic_tasks
"""

from django.core.management.base import BaseCommand

from convivir.periodic import periodic_jobs


class Command(BaseCommand):
    help = "Queue every registered periodic job whose interval has passed."

    def add_arguments(self, parser):
        parser.add_argument(
            "--list", action="store_true", help="Only list the registered jobs."
        )

    def handle(self, *args, list=False, **options):
        if list:
            for job in periodic_jobs:
                self.stdout.write(f"{job.name}: every {job.every}")
            return
        queued = periodic_jobs.enqueue_due()
        self.stdout.write(f"Queued: {', '.join(queued)}" if queued else "Nothing due.")
