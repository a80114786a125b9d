"""The dates of an event (:class:`Occurrence`), the rows that hold the
seats, and how lists of them are read (:class:`OccurrenceQuerySet`).

A date belongs to an event page (:mod:`events.models.pages`) and is booked
by registrations (:mod:`events.models.registrations`); both of those modules
build on this one, so its queries reach them through the relations
(``page``, ``registrations``) instead of importing them. Every rule about
seats is in :mod:`events.seats`.
"""

import calendar
from datetime import datetime, time, timedelta

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Count, Exists, F, OuterRef, Subquery, Sum, Value
from django.db.models.functions import Coalesce
from django.db.models.lookups import StartsWith
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel
from wagtail.models import Orderable, PageViewRestriction

from convivir.common.languages import default_locale
from events import seats as seat_rules
from events.choices import RegistrationStatus, Repeat
from search import engine
from search.query import Query as SearchQuery

# Events' kind in the search index (see :mod:`events.indexing`).
EVENTS_KIND = "events.event"

# What a date's event page is shown with, fetched with it: the dates are
# listed so, and so is the page's translation read.
PAGE_RELATED = ("venue", "category", "image")


def local_date(moment):
    """The calendar day of ``moment`` in the site's time zone
    (America/Mexico_City)."""
    return timezone.localtime(moment).date()


def local_midnight(day):
    """The start of ``day`` in the site's time zone, as an aware datetime."""
    return timezone.make_aware(datetime.combine(day, time.min))


def add_months(day, months: int):
    """The same day ``months`` later, or the month's last day when it is
    shorter (31 January + 1 month = 28 or 29 February)."""
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    return day.replace(
        year=year, month=month, day=min(day.day, calendar.monthrange(year, month)[1])
    )


class OccurrenceQuerySet(models.QuerySet):
    def _related(self, relation: str):
        """The model at the other end of ``relation`` ("page": the event
        pages; "registrations")."""
        return self.model._meta.get_field(relation).related_model

    def canonical(self):
        """The rows that hold the seats: those of the events in the default
        language (a translation shows the same dates)."""
        source = default_locale()
        return self if source is None else self.filter(page__locale=source)

    def listed(self):
        """Occurrences of live, public events, in the default language (the
        canonical rows), with their event, venue and category."""
        # An event is private under a view restriction on its page or an
        # ancestor (a path that starts its own): checked in the same query,
        # where Wagtail's ``public()`` would first read every restriction.
        private = PageViewRestriction.objects.filter(
            StartsWith(OuterRef("page__path"), F("page__path"))
        )
        return (
            self.canonical()
            .filter(page__live=True)
            .exclude(Exists(private))
            .select_related("page", *(f"page__{name}" for name in PAGE_RELATED))
        )

    def with_seats(self):
        """Annotate ``taken`` (confirmed seats) and ``waiting`` (registrations
        on the waiting list) in the same query."""
        registrations = self._related("registrations").objects.filter(
            occurrence=OuterRef("pk")
        )
        confirmed = (
            registrations.filter(status=RegistrationStatus.CONFIRMED)
            .order_by()
            .values("occurrence")
            .annotate(total=Sum("seats"))
            .values("total")
        )
        waiting = (
            registrations.filter(status=RegistrationStatus.WAITING)
            .order_by()
            .values("occurrence")
            .annotate(total=Count("pk"))
            .values("total")
        )
        return self.annotate(
            taken=Coalesce(Subquery(confirmed), Value(0)),
            waiting=Coalesce(Subquery(waiting), Value(0)),
        )

    def upcoming(self, now=None):
        return self.filter(end__gte=now or timezone.now())

    def past(self, now=None):
        return self.filter(end__lt=now or timezone.now())

    def on_or_after(self, day):
        """Occurrences touching the local day ``day`` or a later one."""
        return self.filter(end__gte=local_midnight(day))

    def on_or_before(self, day):
        """Occurrences touching the local day ``day`` or an earlier one."""
        return self.filter(start__lt=local_midnight(day + timedelta(days=1)))

    def between(self, first_day, last_day):
        """Occurrences touching any local day from ``first_day`` to
        ``last_day`` included."""
        return self.on_or_after(first_day).on_or_before(last_day)

    def matching(self, words: str):
        """Occurrences whose event, in any language, the search app finds
        by ``words`` (accents, plurals and synonyms as in the directory) in
        its title, summary, venue, town or organiser."""
        keys = engine.ranked_keys(EVENTS_KIND, SearchQuery(text=words))
        return self.filter(page__translation_key__in=keys)


class Occurrence(Orderable):
    """One date of an event. Times are stored aware (UTC in the database)
    and shown in America/Mexico_City; an all-day occurrence covers whole
    local days from its start's day to its end's day."""

    page = ParentalKey(
        "events.EventPage", on_delete=models.CASCADE, related_name="occurrences"
    )
    start = models.DateTimeField(verbose_name=_("starts"), db_index=True)
    end = models.DateTimeField(verbose_name=_("ends"), db_index=True)
    all_day = models.BooleanField(default=False, verbose_name=_("all day"))
    capacity = models.PositiveIntegerField(
        null=True,
        blank=True,
        verbose_name=_("capacity"),
        help_text=_("Seats available. Leave blank for no limit."),
    )
    registration_opens_at = models.DateTimeField(
        null=True, blank=True, verbose_name=_("registration opens")
    )
    registration_closes_at = models.DateTimeField(
        null=True,
        blank=True,
        verbose_name=_("registration closes"),
        help_text=_("Blank: registration closes when the occurrence starts."),
    )
    max_seats_per_registration = models.PositiveSmallIntegerField(
        default=4, verbose_name=_("maximum seats per registration")
    )
    waiting_list = models.BooleanField(
        default=True,
        verbose_name=_("waiting list"),
        help_text=_("When full, people can join a waiting list."),
    )
    repeat = models.CharField(
        max_length=10,
        choices=Repeat.choices,
        blank=True,
        verbose_name=_("repeat"),
        help_text=_("Creates the series when the page is saved."),
    )
    repeat_until = models.DateField(
        null=True, blank=True, verbose_name=_("repeat until")
    )

    objects = OccurrenceQuerySet.as_manager()

    panels = [
        FieldRowPanel([FieldPanel("start"), FieldPanel("end"), FieldPanel("all_day")]),
        FieldRowPanel(
            [
                FieldPanel("capacity"),
                FieldPanel("max_seats_per_registration"),
                FieldPanel("waiting_list"),
            ]
        ),
        FieldRowPanel(
            [FieldPanel("registration_opens_at"), FieldPanel("registration_closes_at")]
        ),
        FieldRowPanel([FieldPanel("repeat"), FieldPanel("repeat_until")]),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("occurrence")
        verbose_name_plural = _("occurrences")

    def __str__(self):
        start = timezone.localtime(self.start)
        if self.all_day:
            return f"{self.page.title} · {start:%Y-%m-%d}"
        return f"{self.page.title} · {start:%Y-%m-%d %H:%M}"

    def clean(self):
        super().clean()
        errors = {}
        if self.start and self.end and self.end < self.start:
            errors["end"] = _("The end must be after the start.")
        if self.repeat and not self.repeat_until:
            errors["repeat_until"] = _("Say until when the event repeats.")
        if (
            self.repeat_until
            and self.start
            and self.repeat_until < local_date(self.start)
        ):
            errors["repeat_until"] = _("The last date must be after the first.")
        if (
            self.registration_opens_at
            and self.registration_closes_at
            and self.registration_closes_at < self.registration_opens_at
        ):
            errors["registration_closes_at"] = _(
                "Registration must close after it opens."
            )
        if self.max_seats_per_registration < 1:
            errors["max_seats_per_registration"] = _("At least one seat.")
        if errors:
            raise ValidationError(errors)

    # -- Series --

    def series(self):
        """The (start, end) of every repetition after this one, in local
        time so a series keeps its hour across daylight-saving changes."""
        if not self.repeat or not self.repeat_until:
            return
        start = timezone.localtime(self.start)
        duration = self.end - self.start
        step = 1
        while step < 520:
            if self.repeat == Repeat.WEEKLY:
                day = start.date() + timedelta(weeks=step)
            else:
                day = add_months(start.date(), step)
            if day > self.repeat_until:
                return
            moment = timezone.make_aware(datetime.combine(day, start.time()))
            yield moment, moment + duration
            step += 1

    def copy_at(self, start, end) -> "Occurrence":
        return Occurrence(
            start=start,
            end=end,
            all_day=self.all_day,
            capacity=self.capacity,
            max_seats_per_registration=self.max_seats_per_registration,
            waiting_list=self.waiting_list,
            registration_opens_at=(
                self.registration_opens_at + (start - self.start)
                if self.registration_opens_at
                else None
            ),
            registration_closes_at=(
                self.registration_closes_at + (start - self.start)
                if self.registration_closes_at
                else None
            ),
        )

    # -- Dates as people read them --

    @property
    def local_start(self):
        return timezone.localtime(self.start)

    @property
    def local_end(self):
        return timezone.localtime(self.end)

    def days(self) -> list:
        """Every local day this occurrence touches. An end at exactly
        midnight belongs to the day before (an evening until 00:00)."""
        first = local_date(self.start)
        end = self.local_end
        last = end.date()
        if not self.all_day and end.time() == time.min and last > first:
            last -= timedelta(days=1)
        return [first + timedelta(days=n) for n in range((last - first).days + 1)]

    @property
    def is_multi_day(self) -> bool:
        return len(self.days()) > 1

    # -- Seats --

    @property
    def seats_taken(self) -> int:
        """Confirmed seats: the ``with_seats()`` annotation when there is one.
        The rules (:mod:`events.seats`) always count under the row lock."""
        taken = getattr(self, "taken", None)
        if taken is None:
            taken = seat_rules.taken(self)
        return taken

    @property
    def seats_left(self) -> int | None:
        if self.capacity is None:
            return None
        return max(self.capacity - self.seats_taken, 0)

    @property
    def is_full(self) -> bool:
        return self.capacity is not None and self.seats_left == 0

    def registration_state(self, now=None) -> str:
        """Whether people can register now: "open", "not_enabled",
        "not_yet", "closed" or "past"."""
        now = now or timezone.now()
        if not self.page.registration_enabled:
            return "not_enabled"
        if self.start <= now:
            return "past"
        if self.registration_opens_at and now < self.registration_opens_at:
            return "not_yet"
        if self.registration_closes_at and now >= self.registration_closes_at:
            return "closed"
        return "open"

    def registration_url(self) -> str:
        return reverse("events:register", args=[self.pk])

    def ics_url(self) -> str:
        return reverse("events:occurrence_ics", args=[self.pk])
