"""Cultural events: venues, categories, event pages with their occurrences,
and the registrations people make for an occurrence.

Editors write an :class:`EventPage` in Spanish and translate it with
wagtail-localize. Dates, capacity and registrations belong to the Spanish
page's :class:`Occurrence` rows (the *canonical* occurrences): a translation
shows the same occurrences, so a workshop has one set of seats whatever
language people register in. Every rule about seats (capacity, the waiting
list and its promotion) lives in :mod:`events.seats`, called by
:class:`Registration` (register, cancel) and by :class:`EventPage` when it
is saved; every entry point (public form, admin, publishing, commands)
goes through them. A date with registrations is never removed
(:mod:`events.booked`).
"""

import calendar
import secrets
from datetime import datetime, time, timedelta

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.db.models import Count, OuterRef, Q, Subquery, Sum, Value
from django.db.models.functions import Coalesce
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path, re_path
from wagtail.fields import RichTextField, StreamField
from wagtail.log_actions import log
from wagtail.models import Orderable, Page, TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from convivir.blocks import RICH_TEXT_FEATURES, prepare_links
from convivir.common.choices import State, labels
from convivir.common.languages import (
    OnePerLanguagePage,
    default_locale,
    in_visitor_language,
    sync_translations,
)
from convivir.common.links import LinkError, SignedLink
from convivir.common.phones import PhoneNumberField, normalize_phone
from convivir.common.validators import normalize_email
from convivir.notifications import send_notification
from convivir.places import Place, one_line, public_place
from events import conf
from events import seats as seat_rules
from events.blocks import EventStreamBlock
from events.booked import keep_booked
from events.choices import EventLanguage, RegistrationStatus, Repeat
from events.page_forms import EventPageForm
from events.when import starts_in_words

# What a translated event page is shown with, fetched with it.
PAGE_RELATED = ("venue", "category", "image")


def _link_lifetime() -> timedelta:
    # Registrants' links work until the retention period after the date.
    return timedelta(days=366 + conf.retention_days())


CANCEL_LINK = SignedLink("events.registration.cancel", _link_lifetime)
CONFIRMATION_LINK = SignedLink("events.registration.confirmation", _link_lifetime)
# Short codes people read aloud at the door: no 0/O, 1/I/L.
CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"


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


# --- Snippets ---------------------------------------------------------------------


class Venue(TranslatableMixin, models.Model):
    """Where events happen: a community centre, a parish hall, a square. A
    **confidential** venue (a workshop inside a shelter for survivors of
    violence) shows the public its town alone, through the one whitelist
    (:func:`convivir.places.public_place`): pages, calendars, JSON-LD and
    the e-mails to registrants read a venue only through
    :meth:`public_place`."""

    name = models.CharField(max_length=150, verbose_name=_("name"))
    address = models.CharField(max_length=250, blank=True, verbose_name=_("address"))
    municipality = models.CharField(max_length=80, verbose_name=_("municipality"))
    state = models.CharField(
        max_length=20, choices=State.choices, verbose_name=_("state")
    )
    latitude = models.DecimalField(
        max_digits=9,
        decimal_places=6,
        null=True,
        blank=True,
        verbose_name=_("latitude"),
    )
    longitude = models.DecimalField(
        max_digits=9,
        decimal_places=6,
        null=True,
        blank=True,
        verbose_name=_("longitude"),
    )
    accessibility_notes = models.TextField(
        blank=True,
        verbose_name=_("accessibility notes"),
        help_text=_("Ramps, steps, accessible toilets, seating, shade."),
    )
    directions = models.TextField(
        blank=True,
        verbose_name=_("directions"),
        help_text=_("How to get there by bus or on foot, landmarks."),
    )
    is_confidential = models.BooleanField(
        default=False,
        verbose_name=_("confidential place"),
        help_text=_(
            "A shelter or another place whose address must stay private: the "
            "public sees only the town, and the organisers tell registrants "
            "where to go."
        ),
    )

    # Places are the same in every language; only the descriptions change.
    override_translatable_fields = [
        SynchronizedField("municipality"),
        SynchronizedField("state"),
        SynchronizedField("address"),
        SynchronizedField("is_confidential"),
    ]

    panels = [
        FieldPanel("name"),
        FieldPanel("is_confidential"),
        FieldPanel("address"),
        FieldRowPanel([FieldPanel("municipality"), FieldPanel("state")]),
        FieldRowPanel([FieldPanel("latitude"), FieldPanel("longitude")]),
        FieldPanel("accessibility_notes"),
        FieldPanel("directions"),
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("venue")
        verbose_name_plural = _("venues")
        ordering = ["name"]

    def __str__(self):
        return f"{self.name} ({self.municipality})"

    def save(self, *args, **kwargs):
        super().save(*args, **kwargs)
        sync_translations(self, "is_confidential")

    def place(self) -> Place:
        return Place(
            municipality=self.municipality,
            state=self.state,
            state_name=str(self.get_state_display()),
            confidential=self.is_confidential,
            name=self.name,
            street=self.address,
            latitude=None if self.latitude is None else float(self.latitude),
            longitude=None if self.longitude is None else float(self.longitude),
            transportation=self.directions,
            accessibility=self.accessibility_notes,
        )

    def public_place(self) -> dict:
        """What the public may know of this venue (its town alone when it
        is confidential)."""
        return public_place(self.place())

    @property
    def location_text(self) -> str:
        """One line for calendars and e-mails: name, address, town, state,
        as far as they are public."""
        return one_line(self.public_place())


class EventCategory(TranslatableMixin, models.Model):
    """A kind of event (festival, dialogue, screening…); the list is seeded
    by a migration and editable in the admin. The slug, shared by every
    language, is what the calendar's filter uses."""

    name = models.CharField(max_length=80, verbose_name=_("name"))
    slug = models.SlugField(max_length=80, verbose_name=_("slug"))

    override_translatable_fields = [SynchronizedField("slug")]
    panels = [FieldPanel("name"), FieldPanel("slug")]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("event category")
        verbose_name_plural = _("event categories")
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(
                fields=["slug", "locale"], name="events_category_slug_per_locale"
            )
        ]

    def __str__(self):
        return self.name


# --- Pages ------------------------------------------------------------------------


class EventIndexPage(RoutablePageMixin, OnePerLanguagePage, Page):
    """The calendar: upcoming occurrences with filters, a month grid, the
    archive of past events and an iCal feed of any filtered list. The views
    are in :mod:`events.views`; the feed has its own address (it ends in
    ``.ics``, which page routes do not allow)."""

    intro = RichTextField(
        blank=True, features=RICH_TEXT_FEATURES, verbose_name=_("introduction")
    )

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    search_fields = [*Page.search_fields, index.SearchField("intro")]
    parent_page_types = ["convivir.HomePage"]
    subpage_types = ["events.EventPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("event calendar")

    @path("")
    def upcoming_view(self, request):
        from events import views

        return views.upcoming(self, request)

    @path("calendario/")
    def this_month_view(self, request):
        from events import views

        return views.month(self, request)

    @re_path(r"^calendario/(?P<year>[0-9]{1,4})/(?P<month>[0-9]{1,2})/$")
    def month_view(self, request, year, month):
        from events import views

        return views.month(self, request, year=int(year), month=int(month))

    @path("archivo/")
    def archive_view(self, request):
        from events import views

        return views.archive(self, request)


class EventPage(Page):
    """One event (a festival, a screening, a dialogue) with one or more
    occurrences. Registration, when enabled, is per occurrence."""

    category = models.ForeignKey(
        EventCategory,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("category"),
    )
    summary = models.CharField(
        max_length=250,
        verbose_name=_("summary"),
        help_text=_("One or two sentences shown in the calendar."),
    )
    image = models.ForeignKey(
        settings.WAGTAILIMAGES_IMAGE_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("image"),
    )
    body = StreamField(EventStreamBlock(), blank=True, verbose_name=_("body"))
    venue = models.ForeignKey(
        Venue,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("venue"),
    )
    online_url = models.URLField(
        blank=True,
        verbose_name=_("online link"),
        help_text=_("For online events: the meeting or stream address."),
    )
    organiser = models.CharField(
        max_length=150, blank=True, verbose_name=_("organiser")
    )
    languages = models.JSONField(
        default=list, blank=True, verbose_name=_("languages spoken")
    )
    accessibility = models.TextField(
        blank=True,
        verbose_name=_("accessibility information"),
        help_text=_("Interpretation, sign language, seating, child care…"),
    )
    is_free = models.BooleanField(default=True, verbose_name=_("free"))
    price = models.CharField(
        max_length=80,
        blank=True,
        verbose_name=_("cost"),
        help_text=_("Only when it is not free, e.g. “50 pesos, free for children”."),
    )
    price_amount = models.DecimalField(
        max_digits=8,
        decimal_places=2,
        null=True,
        blank=True,
        verbose_name=_("price in pesos"),
        help_text=_("For search engines; leave blank when free."),
    )
    registration_enabled = models.BooleanField(
        default=False,
        verbose_name=_("registration"),
        help_text=_("Let people register for each occurrence on the site."),
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("category"),
        FieldPanel("summary"),
        FieldPanel("image"),
        FieldPanel("body"),
        MultiFieldPanel(
            [FieldPanel("venue"), FieldPanel("online_url")], heading=_("Where")
        ),
        FieldPanel("organiser"),
        FieldPanel("languages"),
        FieldPanel("accessibility"),
        MultiFieldPanel(
            [FieldPanel("is_free"), FieldPanel("price"), FieldPanel("price_amount")],
            heading=_("Cost"),
        ),
        FieldPanel("registration_enabled"),
        InlinePanel("occurrences", label=_("occurrences"), min_num=1),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("summary"),
        index.SearchField("body"),
        index.SearchField("organiser"),
    ]
    # Category and venue are shared snippets with translations of their own:
    # a translated page links the same ones (shown in the visitor's language,
    # see in_visitor_language), so translating a page never rewrites them.
    override_translatable_fields = [
        SynchronizedField("category", overridable=False),
        SynchronizedField("venue", overridable=False),
    ]
    parent_page_types = ["events.EventIndexPage"]
    subpage_types = []
    base_form_class = EventPageForm

    class Meta:
        verbose_name = _("event")
        verbose_name_plural = _("events")

    def clean(self):
        super().clean()
        if self.price_amount is not None and self.is_free:
            raise ValidationError(
                {"price_amount": _("A free event has no price. Untick “free”.")}
            )

    def language_labels(self) -> list[str]:
        return labels(EventLanguage, self.languages)

    def canonical(self) -> "EventPage":
        """This event in the default language (the page whose occurrences
        hold the seats), or itself when it is that page."""
        source = default_locale()
        if source is None or self.locale_id == source.pk:
            return self
        return (
            EventPage.objects.filter(
                translation_key=self.translation_key, locale=source
            ).first()
            or self
        )

    def occurrence_rows(self):
        """The canonical occurrences with their seat counts."""
        return (
            Occurrence.objects.filter(page=self.canonical())
            .with_seats()
            .order_by("start")
        )

    def expand_repeats(self) -> int:
        """Turn every occurrence marked "repeat weekly/monthly until" into a
        series: one occurrence per week or month up to that date, each with
        the same times, capacity and registration settings. The mark is then
        cleared, so saving again adds nothing. Works on the page's unsaved
        inline rows (the editor's form). Returns how many were added."""
        rows = list(self.occurrences.all())
        taken = {row.start for row in rows}
        added = []
        for row in rows:
            if not row.repeat or not row.repeat_until or not row.start:
                continue
            for start, end in row.series():
                if start in taken:
                    continue
                taken.add(start)
                added.append(row.copy_at(start, end))
            row.repeat = ""
            row.repeat_until = None
        if added:
            self.occurrences = sorted(rows + added, key=lambda r: r.start)
        return len(added)

    def with_content_json(self, content):
        """A revision's version of the page, with the booked dates added
        since that revision (see :mod:`events.booked`)."""
        page = super().with_content_json(content)
        keep_booked(page)
        return page

    def save(self, *args, **kwargs):
        """Saving the page writes its dates (every publish path: the
        editor's form, a revision, a scheduled revision, a revert). A date
        with registrations is never dropped, and a date whose capacity grew
        or whose waiting list was switched off gives its free seats to
        those waiting."""
        update_fields = kwargs.get("update_fields")
        writes_dates = update_fields is None or "occurrences" in update_fields
        if writes_dates:
            keep_booked(self)
        result = super().save(*args, **kwargs)
        if writes_dates:
            seat_rules.promote_all(Occurrence.objects.filter(page=self))
        return result

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        now = timezone.now()
        occurrences = list(self.occurrence_rows())
        context["upcoming"] = [o for o in occurrences if o.end >= now]
        context["past"] = [o for o in occurrences if o.end < now]
        context["venue"], context["category"] = in_visitor_language(
            [self.venue, self.category]
        )
        context["calendar_page"] = EventIndexPage.for_visitor()
        prepare_links(self.body)
        from events.ical import json_ld

        context["json_ld"] = json_ld(self, context["upcoming"], context["venue"])
        return context


# --- Occurrences ------------------------------------------------------------------


class OccurrenceQuerySet(models.QuerySet):
    def listed(self):
        """Occurrences of live, public events, in the default language (the
        canonical rows), with their event, venue and category."""
        events = EventPage.objects.live().public()
        source = default_locale()
        if source is not None:
            events = events.filter(locale=source)
        return self.filter(page__in=events).select_related(
            "page", "page__venue", "page__category", "page__image"
        )

    def with_seats(self):
        """Annotate ``taken`` (confirmed seats) and ``waiting`` (registrations
        on the waiting list) in the same query."""
        confirmed = (
            Registration.objects.filter(
                occurrence=OuterRef("pk"), status=Registration.Status.CONFIRMED
            )
            .order_by()
            .values("occurrence")
            .annotate(total=Sum("seats"))
            .values("total")
        )
        waiting = (
            Registration.objects.filter(
                occurrence=OuterRef("pk"), status=Registration.Status.WAITING
            )
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

    def between(self, first_day, last_day):
        """Occurrences touching any local day from ``first_day`` to
        ``last_day`` included."""
        return self.filter(
            start__lt=local_midnight(last_day + timedelta(days=1)),
            end__gte=local_midnight(first_day),
        )


class Occurrence(Orderable):
    """One date of an event. Times are stored aware (UTC in the database)
    and shown in America/Mexico_City; an all-day occurrence covers whole
    local days from its start's day to its end's day."""

    page = ParentalKey(EventPage, on_delete=models.CASCADE, related_name="occurrences")
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


# --- Registrations ----------------------------------------------------------------


class RegistrationError(Exception):
    """A registration that cannot be made; ``reason`` says why. For a
    duplicate, ``existing`` is the earlier registration and ``field`` what
    they share ("email" or "phone")."""

    def __init__(self, reason: str, existing=None, field: str = ""):
        super().__init__(reason)
        self.reason = reason
        self.existing = existing
        self.field = field


class RegistrationQuerySet(models.QuerySet):
    def active(self):
        return self.exclude(status=Registration.Status.CANCELLED)

    def due_for_reminder(self, now=None):
        """Confirmed registrations with an e-mail whose occurrence starts
        within the reminder window and who were not reminded yet."""
        now = now or timezone.now()
        return self.filter(
            status=Registration.Status.CONFIRMED,
            reminder_sent_at__isnull=True,
            occurrence__start__gt=now,
            occurrence__start__lte=now + timedelta(hours=conf.reminder_hours()),
        ).exclude(email="")

    def due_for_purge(self, now=None):
        """Registrations still holding personal data whose occurrence ended
        more than the retention period ago."""
        now = now or timezone.now()
        return self.filter(
            purged_at__isnull=True,
            occurrence__end__lt=now - timedelta(days=conf.retention_days()),
        )


class Registration(models.Model):
    """One person's registration for one occurrence, for one or more seats.

    An e-mail address or a phone number is enough (many people in transit
    have no e-mail). Confirmed when there were seats, otherwise on the
    waiting list in the order people joined. The personal data is deleted
    some days after the occurrence (:meth:`purge`); the row stays, with the
    seats and attendance, for anonymous counts."""

    Status = RegistrationStatus

    # A date with registrations cannot be deleted (events.booked keeps it
    # on its page): its registrations, and the counts they give, stay.
    occurrence = models.ForeignKey(
        Occurrence,
        on_delete=models.PROTECT,
        related_name="registrations",
        verbose_name=_("occurrence"),
    )
    code = models.CharField(
        max_length=8, unique=True, editable=False, verbose_name=_("code")
    )
    name = models.CharField(max_length=120, blank=True, verbose_name=_("name"))
    email = models.EmailField(blank=True, db_index=True, verbose_name=_("e-mail"))
    phone = PhoneNumberField(blank=True, verbose_name=_("phone or WhatsApp"))
    seats = models.PositiveSmallIntegerField(default=1, verbose_name=_("seats"))
    accessibility_needs = models.TextField(
        max_length=500, blank=True, verbose_name=_("accessibility needs")
    )
    language = models.CharField(
        max_length=8,
        choices=settings.LANGUAGES,
        default="es",
        verbose_name=_("language"),
    )
    status = models.CharField(
        max_length=12,
        choices=Status.choices,
        default=Status.CONFIRMED,
        db_index=True,
        verbose_name=_("status"),
    )
    consent_at = models.DateTimeField(
        null=True, blank=True, verbose_name=_("consent given at")
    )
    created_at = models.DateTimeField(
        default=timezone.now, db_index=True, verbose_name=_("registered at")
    )
    promoted_at = models.DateTimeField(
        null=True, blank=True, verbose_name=_("moved off the waiting list at")
    )
    cancelled_at = models.DateTimeField(
        null=True, blank=True, verbose_name=_("cancelled at")
    )
    attended_at = models.DateTimeField(
        null=True, blank=True, verbose_name=_("checked in at")
    )
    reminder_sent_at = models.DateTimeField(
        null=True, blank=True, verbose_name=_("reminder sent at")
    )
    purged_at = models.DateTimeField(
        null=True, blank=True, verbose_name=_("personal data deleted at")
    )
    added_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("added by"),
    )

    objects = RegistrationQuerySet.as_manager()

    class Meta:
        verbose_name = _("registration")
        verbose_name_plural = _("registrations")
        ordering = ["created_at", "pk"]

    def __str__(self):
        return self.code

    @property
    def log_label(self) -> str:
        return f"{_('Registration')} {self.code}"

    @property
    def attended(self) -> bool:
        return self.attended_at is not None

    # -- Making, cancelling, promoting --

    @classmethod
    def register(
        cls,
        occurrence_id: int,
        *,
        name: str,
        email: str = "",
        phone: str = "",
        seats: int = 1,
        accessibility_needs: str = "",
        language: str = "es",
        added_by=None,
        now=None,
    ) -> "Registration":
        """Register for an occurrence, in one transaction with the
        occurrence's row locked, so two requests never take the same seat.
        The waiting list is promoted first (:mod:`events.seats`): the
        newcomer is confirmed when their seats fit in what is left, else
        waits. Raises :class:`RegistrationError` with reason "not_open"
        (past, closed, not yet open, registration not enabled),
        "too_many_seats", "full" (and no waiting list) or "duplicate" (this
        e-mail address or phone number already has a registration;
        ``existing`` holds it). Staff adding someone skip the opening dates,
        never the capacity. Raises ``ValidationError`` for a phone that
        cannot be one (the forms refuse it first)."""
        now = now or timezone.now()
        email = normalize_email(email)
        phone = normalize_phone(phone)
        with transaction.atomic():
            # Only the date's row: locking its page too (the join) would
            # deadlock with a publish, which locks the page, then its dates.
            occurrence = (
                Occurrence.objects.select_for_update(of=("self",))
                .select_related("page")
                .get(pk=occurrence_id)
            )
            state = occurrence.registration_state(now)
            if state != "open" and not (
                added_by is not None and state in {"not_yet", "closed"}
            ):
                raise RegistrationError("not_open")
            if seats < 1 or seats > occurrence.max_seats_per_registration:
                raise RegistrationError("too_many_seats")
            cls._refuse_duplicate(occurrence, email=email, phone=phone)
            seat_rules.promote(occurrence, now)
            status = seat_rules.status_for_newcomer(occurrence, seats)
            if status is None:
                raise RegistrationError("full")
            registration = cls.objects.create(
                occurrence=occurrence,
                code=cls.new_code(),
                name=name.strip(),
                email=email,
                phone=phone,
                seats=seats,
                accessibility_needs=accessibility_needs.strip(),
                language=language if language in dict(settings.LANGUAGES) else "es",
                status=status,
                consent_at=now,
                created_at=now,
                added_by=added_by,
            )
            if added_by is not None:
                log(
                    instance=registration,
                    action="events.add",
                    user=added_by,
                    title=registration.log_label,
                )
            if email:
                registration.send("confirmation")
        return registration

    @staticmethod
    def _refuse_duplicate(occurrence, *, email: str, phone: str):
        """One active registration per e-mail address, and per phone, on a
        date (both compared normalised)."""
        active = occurrence.registrations.active()
        for field, value in (("email", email), ("phone", phone)):
            existing = value and active.filter(**{field: value}).first()
            if existing:
                raise RegistrationError("duplicate", existing=existing, field=field)

    @staticmethod
    def new_code() -> str:
        """A short code staff can find a registration by (e.g. at the door,
        for people who registered with a phone number only)."""
        while True:
            code = "".join(secrets.choice(CODE_ALPHABET) for _ in range(6))
            if not Registration.objects.filter(code=code).exists():
                return code

    def cancel(self, user=None) -> list["Registration"]:
        """Cancel, free the seats and promote the waiting list (those
        promoted are e-mailed; nobody once the date has started). Returns
        the promoted registrations."""
        with transaction.atomic():
            occurrence = Occurrence.objects.select_for_update().get(
                pk=self.occurrence_id
            )
            current = type(self).objects.select_for_update().get(pk=self.pk)
            if current.status == self.Status.CANCELLED:
                raise RegistrationError("already_cancelled")
            self.status = self.Status.CANCELLED
            self.cancelled_at = timezone.now()
            self.save(update_fields=["status", "cancelled_at"])
            log(
                instance=self,
                action="events.cancel",
                user=user,
                title=self.log_label,
            )
            return seat_rules.promote(occurrence)

    def waiting_place(self) -> int | None:
        """1 for the first in line, 2 for the next…; None when not waiting."""
        if self.status != self.Status.WAITING:
            return None
        return (
            type(self)
            .objects.filter(
                occurrence_id=self.occurrence_id, status=self.Status.WAITING
            )
            .filter(
                Q(created_at__lt=self.created_at)
                | Q(created_at=self.created_at, pk__lt=self.pk)
            )
            .count()
            + 1
        )

    def check_in(self, user, present: bool = True):
        self.attended_at = timezone.now() if present else None
        self.save(update_fields=["attended_at"])
        log(
            instance=self,
            action="events.check_in" if present else "events.check_in_undo",
            user=user,
            title=self.log_label,
        )

    # -- Signed links --

    def cancel_token(self) -> str:
        return CANCEL_LINK.make({"r": self.pk, "c": self.code})

    def confirmation_token(self) -> str:
        return CONFIRMATION_LINK.make({"r": self.pk, "c": self.code})

    @classmethod
    def from_token(cls, token: str, link: SignedLink) -> "Registration":
        """The registration a signed link is for. Raises
        :class:`~convivir.common.links.LinkError` "expired" or "invalid"
        (tampered, deleted)."""
        payload = link.load(token)
        registration = (
            cls.objects.select_related("occurrence__page")
            .filter(pk=payload.get("r"), code=payload.get("c"))
            .first()
        )
        if registration is None or registration.purged_at is not None:
            raise LinkError("invalid")
        return registration

    def absolute(self, url_name: str, token: str) -> str:
        with translation.override(self.language):
            return settings.BASE_URL + reverse(url_name, args=[token])

    # -- E-mail --

    def send(self, name: str, now=None):
        """E-mail the registrant in their language: "confirmation" (with the
        .ics and the cancel link; no calendar while on the waiting list: the
        seat is not theirs yet), "promoted" or "reminder" (which says how
        soon the date starts, seen from ``now``)."""
        from events.ical import occurrence_calendar

        occurrence = self.occurrence
        waiting = self.status == self.Status.WAITING
        with translation.override(self.language):
            (page,) = in_visitor_language(
                [occurrence.page], select_related=PAGE_RELATED
            )
            ics = None if waiting else occurrence_calendar(occurrence, page)
            context = {
                "registration": self,
                "occurrence": occurrence,
                "event": page,
                "event_url": settings.BASE_URL + (page.url or ""),
                "venue": in_visitor_language([page.venue])[0],
                "cancel_url": self.absolute("events:cancel", self.cancel_token()),
                "confirmation_url": self.absolute(
                    "events:confirmation", self.confirmation_token()
                ),
                "waiting_place": self.waiting_place(),
                "starts": starts_in_words(occurrence, now),
            }
        send_notification(
            to=self.email,
            template=f"events/email/{name}",
            context=context,
            language=self.language,
            attachments=[("evento.ics", ics, "text/calendar")] if ics else [],
        )

    @classmethod
    def send_reminders(cls, now=None) -> int:
        """E-mail every confirmed attendee once, within the reminder window
        before the start (:func:`events.conf.reminder_hours`). Each
        registration is claimed by a conditional update, so two overlapping
        runs never remind the same person twice."""
        now = now or timezone.now()
        sent = 0
        for pk in cls.objects.due_for_reminder(now).values_list("pk", flat=True):
            with transaction.atomic():
                claimed = cls.objects.filter(
                    pk=pk, reminder_sent_at__isnull=True
                ).update(reminder_sent_at=now)
                if not claimed:
                    continue
                cls.objects.select_related("occurrence__page").get(pk=pk).send(
                    "reminder", now=now
                )
            sent += 1
        return sent

    @classmethod
    def purge(cls, now=None) -> int:
        """Delete the personal data of registrations whose occurrence ended
        more than :func:`events.conf.retention_days` ago, keeping seats,
        status and attendance for the counts; one audit-log entry per
        occurrence. Returns how many registrations were cleared."""
        now = now or timezone.now()
        cleared = 0
        due = cls.objects.due_for_purge(now)
        by_occurrence: dict[int, list[int]] = {}
        for pk, occurrence_id in due.values_list("pk", "occurrence_id"):
            by_occurrence.setdefault(occurrence_id, []).append(pk)
        for occurrence in Occurrence.objects.filter(
            pk__in=by_occurrence
        ).select_related("page"):
            with transaction.atomic():
                count = cls.objects.filter(
                    pk__in=by_occurrence[occurrence.pk], purged_at__isnull=True
                ).update(
                    name="",
                    email="",
                    phone="",
                    accessibility_needs="",
                    purged_at=now,
                )
                log(
                    instance=occurrence.page,
                    action="events.purge",
                    title=str(occurrence),
                    data={
                        "occurrence": occurrence.pk,
                        "registrations": count,
                        "retention_days": conf.retention_days(),
                    },
                )
            cleared += count
        return cleared


def seats_summary(queryset) -> dict:
    """Seats confirmed, waiting and cancelled, and attendance, of a
    registrations queryset, in one query (the admin's totals)."""
    status = Registration.Status
    return queryset.aggregate(
        confirmed=Coalesce(Sum("seats", filter=Q(status=status.CONFIRMED)), 0),
        waiting=Coalesce(Sum("seats", filter=Q(status=status.WAITING)), 0),
        cancelled=Coalesce(Sum("seats", filter=Q(status=status.CANCELLED)), 0),
        attended=Coalesce(
            Sum("seats", filter=Q(attended_at__isnull=False)),
            0,
        ),
        registrations=Count("pk"),
    )
