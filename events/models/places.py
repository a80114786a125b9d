"""Where and what kind: the venues events happen at and the event
categories, translatable snippets shared by every event page (a translated
page links the same ones, shown in the visitor's language)."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, FieldRowPanel
from wagtail.models import TranslatableMixin
from wagtail_localize.fields import SynchronizedField

from convivir.common.choices import State
from convivir.common.languages import sync_translations
from convivir.places import Place, one_line, public_place


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
