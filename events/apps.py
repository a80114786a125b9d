from datetime import timedelta

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EventsConfig(AppConfig):
    """Venues, event pages, the calendar, registrations, the waiting list,
    reminders and iCal."""

    name = "events"
    verbose_name = _("Events")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from convivir import pagecache
        from convivir.periodic import periodic_jobs
        from convivir.privacy import personal_data
        from convivir.sections import home_sections
        from events import indexing, tasks
        from events.models import EventCategory, Occurrence, Registration, Venue
        from events.privacy import event_registrations
        from events.sections import next_events

        home_sections.register(
            "events",
            template="events/includes/home_section.html",
            get_context=next_events,
            order=20,
            areas=("seats",),
        )
        periodic_jobs.register(
            "send_event_reminders",
            tasks.send_event_reminders_task,
            every=timedelta(minutes=15),
        )
        periodic_jobs.register(
            "promote_waiting_lists",
            tasks.promote_waiting_lists_task,
            every=timedelta(minutes=15),
        )
        periodic_jobs.register(
            "purge_event_registrations",
            tasks.purge_event_registrations_task,
            every=timedelta(days=1),
        )
        personal_data.register(event_registrations)
        indexing.connect()
        # Seats left show on the home page, event pages and listings.
        pagecache.follow("seats", Occurrence, Registration)
        # Venues and categories are snippets event pages show as they are.
        pagecache.follow("content", Venue, EventCategory)
