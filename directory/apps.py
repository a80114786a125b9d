from datetime import timedelta

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DirectoryConfig(AppConfig):
    """Shelters and services (HSDS 3.0): public directory, editors' admin,
    HSDS API, import and export, reports of wrong information."""

    name = "directory"
    verbose_name = _("Directory of shelters and services")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from convivir.periodic import periodic_jobs
        from convivir.privacy import personal_data
        from convivir.sections import home_sections
        from directory import indexing, pages_kept, tasks
        from directory.privacy import report_contacts
        from directory.sections import find_help_section

        home_sections.register(
            "directory",
            template="directory/includes/home_section.html",
            get_context=find_help_section,
            # First: finding help is what a person in transit comes for.
            order=5,
            areas=("directory",),
        )
        periodic_jobs.register(
            "directory_verification_requests",
            tasks.send_verification_requests_task,
            every=timedelta(days=30),
        )
        periodic_jobs.register(
            "directory_hidden_entries",
            tasks.notify_hidden_entries_task,
            every=timedelta(days=1),
        )
        personal_data.register(report_contacts)
        indexing.connect()
        pages_kept.connect()
