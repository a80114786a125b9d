from datetime import timedelta

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CampaignsConfig(AppConfig):
    """Campaigns against prejudice, their pledges, and the library of
    dialogue materials."""

    name = "campaigns"
    verbose_name = _("Campaigns and dialogue materials")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from campaigns import checks, signals, tasks  # noqa: F401 - checks, receivers
        from campaigns.privacy import pledges
        from campaigns.sections import campaigns_for_home
        from convivir.periodic import periodic_jobs
        from convivir.privacy import personal_data
        from convivir.sections import home_sections

        home_sections.register(
            "campaigns",
            template="campaigns/includes/home_section.html",
            get_context=campaigns_for_home,
            order=10,
        )
        periodic_jobs.register(
            "purge_pledges", tasks.purge_pledges_task, every=timedelta(days=1)
        )
        personal_data.register(pledges)
