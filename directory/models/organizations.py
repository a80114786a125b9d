"""Who runs services and where: organisations, their locations (edited
inline) and the requests to publish a confidential location's address.

Confidentiality lives in one place: :meth:`Location.public_place`, through
the core's one whitelist (:func:`convivir.places.public_place`). Every public
output (pages, JSON-LD, sitemap, API, exports) reads a location only through
it, and a confidential location shows its town and state alone. Who may see
or publish a confidential address is :mod:`directory.confidentiality`.
"""

import uuid

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel
from wagtail.models import Orderable

from convivir.common.choices import State
from convivir.places import Place, directions_url, public_place
from directory import confidentiality
from directory.public_urls import directory_page


def town_slug(municipality: str) -> str:
    """A town's slug in addresses and filters (``"Ciudad Hidalgo"`` →
    ``"ciudad-hidalgo"``)."""
    return slugify(municipality)


class Organization(ClusterableModel):
    """An organisation that runs services: a shelter's parish, an NGO, a
    public institution. Its places are edited inline as :class:`Location`
    rows."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    name = models.CharField(max_length=200, verbose_name=_("name"))
    slug = models.SlugField(max_length=120, unique=True, verbose_name=_("slug"))
    alternate_name = models.CharField(
        max_length=200, blank=True, verbose_name=_("other name")
    )
    description = models.TextField(verbose_name=_("description"))
    email = models.EmailField(blank=True, verbose_name=_("public e-mail"))
    website = models.URLField(blank=True, verbose_name=_("website"))
    updated_at = models.DateTimeField(auto_now=True)

    panels = [
        FieldPanel("name"),
        FieldPanel("slug"),
        FieldPanel("alternate_name"),
        FieldPanel("description"),
        FieldRowPanel([FieldPanel("email"), FieldPanel("website")]),
        InlinePanel("locations", label=_("locations")),
    ]

    class Meta:
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")
        ordering = ["name"]

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        if not self.slug:
            self.slug = slugify(self.name)[:120]
        super().save(*args, **kwargs)

    def get_url(self, request=None, directory=None) -> str:
        """The organisation's page under ``directory`` (by default the
        directory page of the language being shown); empty when there is no
        directory page."""
        directory = directory or directory_page()
        if directory is None:
            return ""
        return directory.route_url("organization", request, slug=self.slug)


class Location(Orderable):
    """A place where an organisation offers services. A **confidential**
    location (a shelter for survivors of trafficking or violence) never shows
    its address or coordinates in public: only its town and a contact route.
    """

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    organization = ParentalKey(
        Organization, on_delete=models.CASCADE, related_name="locations"
    )
    name = models.CharField(max_length=200, verbose_name=_("name"))
    description = models.TextField(blank=True, verbose_name=_("description"))
    address_1 = models.CharField(
        max_length=200, blank=True, verbose_name=_("street and number")
    )
    address_2 = models.CharField(
        max_length=200, blank=True, verbose_name=_("neighbourhood")
    )
    postal_code = models.CharField(
        max_length=10, blank=True, verbose_name=_("postal code")
    )
    municipality = models.CharField(max_length=80, verbose_name=_("municipality"))
    town = models.SlugField(max_length=80, editable=False, db_index=True)
    # Blank only for a place outside the three states, kept from a
    # partner's file (the importer warns).
    state = models.CharField(
        max_length=20, choices=State.choices, blank=True, verbose_name=_("state")
    )
    latitude = models.DecimalField(
        max_digits=9,
        decimal_places=6,
        null=True,
        blank=True,
        validators=[MinValueValidator(-90), MaxValueValidator(90)],
        verbose_name=_("latitude"),
    )
    longitude = models.DecimalField(
        max_digits=9,
        decimal_places=6,
        null=True,
        blank=True,
        validators=[MinValueValidator(-180), MaxValueValidator(180)],
        verbose_name=_("longitude"),
    )
    accessibility = models.TextField(
        blank=True,
        verbose_name=_("accessibility"),
        help_text=_("Ramps, accessible toilets, sign language…"),
    )
    transportation = models.TextField(
        blank=True, verbose_name=_("how to get there (public transport)")
    )
    is_confidential = models.BooleanField(
        default=False,
        verbose_name=_("confidential location"),
        help_text=_(
            "The address and coordinates are never published: the public sees "
            "only the town and a phone or WhatsApp contact."
        ),
    )

    panels = [
        FieldPanel("name"),
        FieldPanel("is_confidential"),
        FieldRowPanel([FieldPanel("municipality"), FieldPanel("state")]),
        FieldPanel("address_1"),
        FieldRowPanel([FieldPanel("address_2"), FieldPanel("postal_code")]),
        FieldRowPanel([FieldPanel("latitude"), FieldPanel("longitude")]),
        FieldPanel("description"),
        FieldPanel("accessibility"),
        FieldPanel("transportation"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("location")
        verbose_name_plural = _("locations")
        permissions = [
            ("view_confidential_location", _("Can see confidential locations")),
        ]

    def __str__(self):
        return f"{self.name} ({self.municipality})"

    def clean(self):
        super().clean()
        if (self.latitude is None) != (self.longitude is None):
            raise ValidationError(
                {"longitude": _("Give both latitude and longitude, or neither.")}
            )

    def save(self, *args, **kwargs):
        self.town = town_slug(self.municipality)
        if not self._state.adding and not self.is_confidential:
            confidentiality.check_release(self)
        super().save(*args, **kwargs)
        self._released_by = None

    def place(self) -> Place:
        """Everything known about this location (see :mod:`convivir.places`)."""
        return Place(
            municipality=self.municipality,
            state=self.state,
            state_name=str(self.get_state_display()),
            confidential=self.is_confidential,
            name=self.name,
            street=self.address_1,
            neighbourhood=self.address_2,
            postal_code=self.postal_code,
            latitude=None if self.latitude is None else float(self.latitude),
            longitude=None if self.longitude is None else float(self.longitude),
            description=self.description,
            transportation=self.transportation,
            accessibility=self.accessibility,
        )

    def place_facts(self, reveal: bool = False) -> dict:
        """The location's facts through the one whitelist; ``reveal`` only
        for staff outputs guarded by the permission and the audit log."""
        return public_place(self.place(), reveal=reveal)

    def public_place(self) -> dict:
        """What the public may know of this location: for a confidential
        one, its town and state alone. The only way public code reads a
        location."""
        return self.place_facts()

    def directions_url(self) -> str:
        """A maps link (opened only when the visitor taps it); empty for a
        confidential location."""
        return directions_url(self.public_place())


class AddressRelease(models.Model):
    """A directory editor asked to publish a confidential location's address
    (they unticked "confidential"). The location stays confidential until a
    moderator approves; see :mod:`directory.confidentiality`."""

    class Status(models.TextChoices):
        PENDING = "pending", _("Waiting for a moderator")
        APPROVED = "approved", _("Address published")
        REJECTED = "rejected", _("Refused: still confidential")

    location = models.ForeignKey(
        Location,
        on_delete=models.CASCADE,
        related_name="address_releases",
        verbose_name=_("location"),
    )
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("requested by"),
    )
    requested_at = models.DateTimeField(
        default=timezone.now, verbose_name=_("requested at")
    )
    status = models.CharField(
        max_length=10,
        choices=Status.choices,
        default=Status.PENDING,
        verbose_name=_("status"),
    )
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("decided by"),
    )
    decided_at = models.DateTimeField(
        null=True, blank=True, verbose_name=_("decided at")
    )

    class Meta:
        verbose_name = _("request to publish an address")
        verbose_name_plural = _("requests to publish an address")
        ordering = ["-requested_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["location"],
                condition=models.Q(status="pending"),
                name="directory_one_pending_release_per_location",
            )
        ]

    def __str__(self):
        return str(self.location)
