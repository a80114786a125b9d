from datetime import timedelta

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NetworksConfig(AppConfig):
    """Protection networks, volunteer opportunities, sign-ups and the
    coordinators' pipeline."""

    name = "networks"
    verbose_name = _("Protection networks and volunteers")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from convivir import pagecache
        from convivir.periodic import periodic_jobs
        from convivir.privacy import personal_data
        from convivir.sections import home_sections
        from networks import (
            checks,  # noqa: F401 - registers the check
            tasks,
        )
        from networks.models import ProtectionNetwork, VolunteerOpportunity
        from networks.privacy import volunteer_signups
        from networks.sections import volunteer_call_to_action

        home_sections.register(
            "volunteer",
            template="networks/includes/home_section.html",
            get_context=volunteer_call_to_action,
            order=40,
        )
        periodic_jobs.register(
            "purge_volunteers", tasks.purge_volunteers_task, every=timedelta(days=1)
        )
        personal_data.register(volunteer_signups)
        # Pages show the networks and opportunities without being republished.
        pagecache.follow("content", ProtectionNetwork, VolunteerOpportunity)
