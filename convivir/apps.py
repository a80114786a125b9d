from datetime import timedelta

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ConvivirConfig(AppConfig):
    """The project's core app: home page, content pages, navigation, shared
    blocks, e-mail notifications and the "my data" self-service."""

    name = "convivir"
    verbose_name = _("Convivir")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from convivir import checks, notifications, pagecache, publishing  # noqa: F401
        from convivir.models import Footer, FooterLink, MainMenu, MainMenuItem
        from convivir.periodic import periodic_jobs
        from convivir.privacy import personal_data
        from convivir.privacy.emails import sent_emails
        from convivir.privacy.links import purge_data_links_task

        pagecache.connect_content_signals(Footer, FooterLink, MainMenu, MainMenuItem)
        periodic_jobs.register(
            "send_pending_emails",
            notifications.send_pending_emails_task,
            every=timedelta(minutes=5),
        )
        # Cron starts at most once a minute: scheduled pages go live on the
        # first run after their time.
        periodic_jobs.register(
            "publish_scheduled",
            publishing.publish_scheduled_task,
            every=timedelta(minutes=1),
        )
        periodic_jobs.register(
            "purge_old_emails",
            notifications.purge_old_emails_task,
            every=timedelta(days=1),
        )
        periodic_jobs.register(
            "purge_data_links", purge_data_links_task, every=timedelta(days=1)
        )
        personal_data.register(sent_emails)
