"""The calendar page and the event pages.

Editors write an :class:`EventPage` in Spanish and translate it with
wagtail-localize. Dates, capacity and registrations belong to the Spanish
page's occurrences (the *canonical* ones, :mod:`events.models.occurrences`):
a translation shows the same dates, so a workshop has one set of seats
whatever language people register in. Saving a page goes through the seat
rules (:mod:`events.seats`) and never drops a booked date
(:mod:`events.booked`).

The calendar's routes build their context in :mod:`events.listings`, which
is given the page and what to list and knows no page class.
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import path
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from convivir.blocks import RICH_TEXT_FEATURES, prepare_links
from convivir.common.choices import labels
from convivir.common.languages import (
    OnePerLanguagePage,
    default_locale,
    in_visitor_language,
)
from convivir.common.routes import LocalizedRoutablePageMixin, localized_path
from convivir.share import share_rendition
from convivir.site_facts import KnownRestrictionsMixin
from events import listings
from events import seats as seat_rules
from events.admin.forms import EventPageForm
from events.blocks import EventStreamBlock
from events.booked import keep_booked
from events.choices import EventLanguage
from events.ical import json_ld
from events.models.occurrences import Occurrence
from events.models.places import EventCategory, Venue


class EventIndexPage(
    KnownRestrictionsMixin, LocalizedRoutablePageMixin, OnePerLanguagePage, Page
):
    """The calendar: upcoming occurrences with filters (the page itself), a
    month grid (``calendario/``, ``calendario/<year>/<month>/``; in English
    ``calendar/…``) and the archive of past events (``archivo/``,
    ``archive/``). The iCal feed of any filtered list has a Django address
    (:mod:`events.urls`: it ends in ``.ics``, which page routes do not
    allow)."""

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
        verbose_name_plural = _("event calendars")

    @path("", name="upcoming")
    def upcoming_view(self, request):
        listed = Occurrence.objects.listed().upcoming()
        return self.render(
            request, context_overrides=listings.upcoming(self, request, listed)
        )

    @localized_path("this_month", es="calendario/", en="calendar/")
    def this_month_view(self, request):
        return self._month(request)

    @localized_path(
        "month",
        es="calendario/<int:year>/<int:month>/",
        en="calendar/<int:year>/<int:month>/",
    )
    def month_view(self, request, year, month):
        return self._month(request, year, month)

    def _month(self, request, year=None, month=None):
        """The month grid; an impossible month is answered 400 with a
        message."""
        context = listings.month(
            self, request, Occurrence.objects.listed(), year, month
        )
        response = self.render(
            request, context_overrides=context, template="events/event_month.html"
        )
        if context["invalid_month"]:
            response.status_code = 400
        return response

    @localized_path("archive", es="archivo/", en="archive/")
    def archive_view(self, request):
        listed = Occurrence.objects.listed().past()
        return self.render(
            request,
            context_overrides=listings.archive(self, request, listed),
            template="events/event_archive.html",
        )


class EventPage(KnownRestrictionsMixin, Page):
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

    def share_image(self):
        """The event's image, cropped for link previews (see convivir.share)."""
        return share_rendition(self.image)

    @property
    def share_image_alt(self) -> str:
        return self.image.description if self.image else ""

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
        context["json_ld"] = json_ld(self, context["upcoming"], context["venue"])
        return context
