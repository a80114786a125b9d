"""The directory of shelters and services, following the Open Referral Human
Services Data Specification (HSDS 3.0): names, meanings and UUID ids come
from the specification, so the HSDS API and the data packages are a direct
reading of these models.

An :class:`Organization` runs :class:`Service` entries and has
:class:`Location` rows (its places, edited inline). A service is offered at
locations through :class:`ServiceAtLocation` and has its own phones,
schedules, contacts and required documents, all edited inline as one
cluster, with drafts, revisions and moderation.

Confidentiality lives in one place: :meth:`Location.public_place`, through
the core's one whitelist (:func:`convivir.places.public_place`). Every public
output (pages, JSON-LD, sitemap, API, exports) reads a location only through
it, and a confidential location shows its town and state alone.
"""

import uuid
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models.functions import Coalesce
from django.utils import timezone, translation
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalKey, ParentalManyToManyField
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    InlinePanel,
    MultiFieldPanel,
)
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField
from wagtail.models import (
    DraftStateMixin,
    LockableMixin,
    Orderable,
    Page,
    RevisionMixin,
    WorkflowMixin,
)
from wagtail.search import index

from convivir.blocks import RICH_TEXT_FEATURES
from convivir.common.choices import State, Weekday
from convivir.common.languages import OnePerLanguagePage
from convivir.common.links import LinkError, SignedLink
from convivir.common.phones import (
    PhoneNumberField,
    format_phone,
    normalized_or_as_typed,
    phone_digits,
)
from convivir.places import Place, directions_url, public_place
from directory import conf, confidentiality
from directory.choices import ServiceLanguage, ServiceStatus

EDITORS_GROUP = "Directory editors"
MEXICO_CITY = ZoneInfo("America/Mexico_City")

# The links a service's own staff get by e-mail: confirm the entry, set today's
# status.
VERIFY_LINK = SignedLink(
    "directory.service.verify", lambda: timedelta(days=conf.link_days())
)
STATUS_LINK = SignedLink(
    "directory.service.status", lambda: timedelta(days=conf.link_days())
)

SERVICE_TYPES = "service_type"
POPULATIONS = "population"


def town_slug(municipality: str) -> str:
    return slugify(municipality)


# --- Taxonomy ---------------------------------------------------------------------


class Taxonomy(models.Model):
    """An HSDS taxonomy: the service types and the populations served,
    seeded by a data migration."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    key = models.SlugField(max_length=40, unique=True, verbose_name=_("key"))
    name = models.CharField(max_length=120, verbose_name=_("name"))
    description = models.TextField(blank=True, verbose_name=_("description"))
    uri = models.URLField(blank=True, verbose_name=_("URI"))
    version = models.CharField(max_length=20, blank=True, verbose_name=_("version"))

    class Meta:
        verbose_name = _("taxonomy")
        verbose_name_plural = _("taxonomies")
        ordering = ["name"]

    def __str__(self):
        return self.name


class TaxonomyTerm(models.Model):
    """A term of a taxonomy ("shelter", "families"). Named in Spanish and
    English: the visitor sees the name in their language."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    taxonomy = models.ForeignKey(
        Taxonomy, on_delete=models.PROTECT, related_name="terms"
    )
    code = models.SlugField(max_length=60, verbose_name=_("code"))
    name_es = models.CharField(max_length=120, verbose_name=_("name (Spanish)"))
    name_en = models.CharField(max_length=120, verbose_name=_("name (English)"))
    description = models.TextField(blank=True, verbose_name=_("description"))
    icon = models.CharField(max_length=40, blank=True, verbose_name=_("icon"))
    sort_order = models.PositiveSmallIntegerField(default=0)

    class Meta:
        verbose_name = _("taxonomy term")
        verbose_name_plural = _("taxonomy terms")
        ordering = ["taxonomy__key", "sort_order", "code"]
        constraints = [
            models.UniqueConstraint(
                fields=["taxonomy", "code"], name="directory_term_code_unique"
            )
        ]

    def __str__(self):
        return self.name

    @property
    def name(self) -> str:
        """The name in the active language (Spanish by default)."""
        return self.name_en if translation.get_language() == "en" else self.name_es


# --- Organizations and locations --------------------------------------------------


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
        """The organisation's page under the directory page of the language
        being shown; empty when there is no directory page."""
        directory = directory or DirectoryIndexPage.for_visitor()
        if directory is None:
            return ""
        return f"{directory.get_url(request)}organizacion/{self.slug}/"


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
    state = models.CharField(
        max_length=20, choices=State.choices, verbose_name=_("state")
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


# --- Services ---------------------------------------------------------------------


class ServiceQuerySet(models.QuerySet):
    def checked_before(self, moment):
        """Entries whose last verification (or creation, if never verified)
        is older than ``moment``."""
        return self.alias(checked_at=Coalesce("last_verified_at", "created_at")).filter(
            checked_at__lt=moment
        )

    def public(self, now=None):
        """What the public may see: published, and verified within the
        configured period (see :func:`directory.conf.hide_after_days`)."""
        now = now or timezone.now()
        limit = now - timedelta(days=conf.hide_after_days())
        return self.filter(live=True).exclude(
            pk__in=Service.objects.checked_before(limit).values("pk")
        )

    def in_town(self, slug: str):
        return self.filter(service_at_locations__location__town=slug).distinct()

    def for_listing(self):
        """Everything a listing row shows, in a fixed number of queries."""
        return self.select_related("organization").prefetch_related(
            "service_types",
            "populations",
            "phones",
            "schedules",
            models.Prefetch(
                "service_at_locations",
                queryset=ServiceAtLocation.objects.select_related("location"),
            ),
        )


class Service(
    WorkflowMixin,
    DraftStateMixin,
    LockableMixin,
    RevisionMixin,
    ClusterableModel,
):
    """A service an organisation offers: a shelter, a soup kitchen, legal
    aid. Changes are drafts until published (through the moderation workflow
    for editors without the publish permission). Status and verification are
    facts about today, changed at once, never through a draft."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    organization = models.ForeignKey(
        Organization,
        on_delete=models.PROTECT,
        related_name="services",
        verbose_name=_("organisation"),
    )
    name = models.CharField(max_length=200, verbose_name=_("name"))
    slug = models.SlugField(max_length=120, unique=True, verbose_name=_("slug"))
    description = models.TextField(verbose_name=_("what it offers"))
    url = models.URLField(blank=True, verbose_name=_("website"))
    email = models.EmailField(blank=True, verbose_name=_("public e-mail"))
    status = models.CharField(
        max_length=20,
        choices=ServiceStatus.choices,
        default=ServiceStatus.OPEN,
        verbose_name=_("status"),
    )
    status_changed_at = models.DateTimeField(
        default=timezone.now, verbose_name=_("status changed at")
    )
    service_types = ParentalManyToManyField(
        TaxonomyTerm,
        blank=True,
        related_name="typed_services",
        limit_choices_to={"taxonomy__key": SERVICE_TYPES},
        verbose_name=_("service types"),
    )
    populations = ParentalManyToManyField(
        TaxonomyTerm,
        blank=True,
        related_name="population_services",
        limit_choices_to={"taxonomy__key": POPULATIONS},
        verbose_name=_("populations served"),
    )
    eligibility_description = models.TextField(
        blank=True, verbose_name=_("who can use it")
    )
    application_process = models.TextField(blank=True, verbose_name=_("how to get it"))
    is_free = models.BooleanField(default=True, verbose_name=_("free of charge"))
    fees_description = models.TextField(
        blank=True,
        verbose_name=_("costs"),
        help_text=_("Only if something must be paid."),
    )
    languages = models.JSONField(
        default=list, blank=True, verbose_name=_("languages spoken")
    )
    capacity = models.PositiveIntegerField(
        null=True, blank=True, verbose_name=_("capacity (people)")
    )
    open_24_hours = models.BooleanField(default=False, verbose_name=_("open 24 hours"))
    by_appointment = models.BooleanField(
        default=False, verbose_name=_("by appointment only")
    )
    last_verified_at = models.DateTimeField(
        null=True, blank=True, verbose_name=_("last verified")
    )
    verified_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("verified by"),
    )
    verified_by_name = models.CharField(
        max_length=150,
        blank=True,
        verbose_name=_("verified by (name)"),
        help_text=_("Who confirmed the entry when it was not an editor."),
    )
    hidden_notice_sent_at = models.DateTimeField(null=True, blank=True, editable=False)
    created_at = models.DateTimeField(default=timezone.now, editable=False)
    updated_at = models.DateTimeField(auto_now=True)

    objects = ServiceQuerySet.as_manager()

    panels = [
        FieldPanel("organization"),
        FieldPanel("name"),
        FieldPanel("slug"),
        FieldPanel("description"),
        FieldPanel("status"),
        FieldPanel("service_types", widget=forms.CheckboxSelectMultiple),
        FieldPanel("populations", widget=forms.CheckboxSelectMultiple),
        MultiFieldPanel(
            [
                FieldPanel("eligibility_description"),
                FieldPanel("application_process"),
                FieldPanel("is_free"),
                FieldPanel("fees_description"),
                FieldPanel("languages"),
                FieldPanel("capacity"),
            ],
            heading=_("Who, how and cost"),
        ),
        InlinePanel("service_at_locations", label=_("where it is offered")),
        MultiFieldPanel(
            [FieldPanel("open_24_hours"), FieldPanel("by_appointment")],
            heading=_("Opening hours"),
        ),
        InlinePanel("schedules", label=_("weekly opening hours")),
        InlinePanel("phones", label=_("phones")),
        InlinePanel("contacts", label=_("contacts")),
        InlinePanel("required_documents", label=_("what to bring")),
        FieldRowPanel([FieldPanel("email"), FieldPanel("url")]),
    ]

    class Meta:
        verbose_name = _("service")
        verbose_name_plural = _("services")
        ordering = ["name"]

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        if not self.slug:
            self.slug = slugify(self.name)[:120]
        super().save(*args, **kwargs)

    def clean(self):
        super().clean()
        unknown = set(self.languages or []) - set(ServiceLanguage.values)
        if unknown:
            raise ValidationError({"languages": _("Choose languages from the list.")})
        if not self.is_free and not self.fees_description.strip():
            raise ValidationError(
                {"fees_description": _("Say what must be paid, and how much.")}
            )

    def with_content_json(self, content):
        """Publishing a revision must not roll back what changed since it was
        written without a draft: the status and the last verification."""
        obj = super().with_content_json(content)
        for field in (
            "status",
            "status_changed_at",
            "last_verified_at",
            "verified_by_id",
            "verified_by_name",
            "hidden_notice_sent_at",
            "created_at",
        ):
            setattr(obj, field, getattr(self, field))
        return obj

    # -- Public facts --

    def get_url(self, request=None, directory=None) -> str:
        """The service's page under the directory page of the language being
        shown; empty when there is no directory page."""
        directory = directory or DirectoryIndexPage.for_visitor()
        if directory is None:
            return ""
        return f"{directory.get_url(request)}servicio/{self.slug}/"

    def get_full_url(self, language: str = "es") -> str:
        """The absolute address of the page in ``language``, for e-mails."""
        with translation.override(language):
            directory = DirectoryIndexPage.for_visitor()
            if directory is None:
                return ""
            return f"{directory.get_full_url()}servicio/{self.slug}/"

    def language_labels(self) -> list[str]:
        names = dict(ServiceLanguage.choices)
        return [str(names[code]) for code in self.languages if code in names]

    def locations(self) -> list["Location"]:
        return [sal.location for sal in self.service_at_locations.all()]

    def towns(self) -> list[str]:
        return sorted({location.municipality for location in self.locations()})

    def has_confidential_location(self) -> bool:
        return any(location.is_confidential for location in self.locations())

    def is_stale(self, now=None) -> bool:
        """Not verified for longer than the warning period (180 days)."""
        now = now or timezone.now()
        checked = self.last_verified_at or self.created_at
        return checked < now - timedelta(days=conf.stale_after_days())

    def is_open_at(self, moment: datetime) -> bool | None:
        """Whether the service is open at ``moment`` in Mexico City time; None
        when nobody can say (no hours given, or by appointment only)."""
        if self.status == ServiceStatus.TEMPORARILY_CLOSED:
            return False
        if self.open_24_hours:
            return True
        schedules = list(self.schedules.all())
        if not schedules:
            return None
        local = moment.astimezone(MEXICO_CITY)
        now_minutes = local.weekday() * 1440 + local.hour * 60 + local.minute
        week = 7 * 1440
        for schedule in schedules:
            start, end = schedule.week_minutes()
            # Hours crossing midnight on Sunday continue on Monday morning.
            for offset in (0, -week):
                if start + offset <= now_minutes < end + offset:
                    return True
        return False

    def is_open_now(self) -> bool | None:
        return self.is_open_at(timezone.now())

    def whatsapp_phone(self) -> "Phone | None":
        return next((phone for phone in self.phones.all() if phone.whatsapp), None)

    def mark_verified(self, user=None, name: str = "", when=None):
        """Record that the entry was checked today, without touching its
        draft or its published content, and write it to the audit log."""
        from wagtail.log_actions import log

        self.last_verified_at = when or timezone.now()
        self.verified_by = user
        self.verified_by_name = name
        type(self).objects.filter(pk=self.pk).update(
            last_verified_at=self.last_verified_at,
            verified_by=user,
            verified_by_name=name,
        )
        log(instance=self, action="directory.verify", user=user)

    # -- Signed links for the service's own staff --

    def verification_token(self, contact: "Contact") -> str:
        return VERIFY_LINK.make({"s": str(self.pk), "c": str(contact.pk)})

    def status_token(self) -> str:
        return STATUS_LINK.make({"s": str(self.pk)})

    @classmethod
    def from_token(cls, token: str, link: SignedLink) -> tuple["Service", dict]:
        """The published service a signed link is for, and its payload.
        Raises :class:`~convivir.common.links.LinkError` ("expired" or
        "invalid")."""
        payload = link.load(token)
        service = cls.objects.filter(pk=payload.get("s"), live=True).first()
        if service is None:
            raise LinkError("invalid")
        return service, payload

    def send_verification_requests(self) -> int:
        """E-mail each contact with an address a link to confirm the entry
        or propose changes, and the link to update the status."""
        from convivir.notifications import send_notification

        sent = 0
        for contact in self.contacts.all():
            if not contact.email:
                continue
            with translation.override(contact.language):
                directory = DirectoryIndexPage.for_visitor()
                if directory is None:
                    continue
                base = directory.get_full_url()
            send_notification(
                to=contact.email,
                template="directory/email/verification_request",
                context={
                    "service": self,
                    "contact": contact,
                    "verify_url": (
                        f"{base}verificar/?t={self.verification_token(contact)}"
                    ),
                    "status_url": f"{base}estado/?t={self.status_token()}",
                    "valid_days": conf.link_days(),
                },
                language=contact.language,
            )
            sent += 1
        return sent

    def set_status(self, status: str, user=None, via: str = "admin"):
        """Change the status at once (shelter staff report it from a phone)."""
        from wagtail.log_actions import log

        if status not in ServiceStatus.values:
            raise ValueError(status)
        previous = self.status
        self.status = status
        self.status_changed_at = timezone.now()
        type(self).objects.filter(pk=self.pk).update(
            status=status, status_changed_at=self.status_changed_at
        )
        log(
            instance=self,
            action="directory.status",
            user=user,
            data={"from": previous, "to": status, "via": via},
        )


class ServiceAtLocation(Orderable):
    """HSDS service-at-location: where a service is offered."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    service = ParentalKey(
        Service, on_delete=models.CASCADE, related_name="service_at_locations"
    )
    location = models.ForeignKey(
        Location,
        on_delete=models.PROTECT,
        related_name="service_at_locations",
        verbose_name=_("location"),
    )
    description = models.TextField(blank=True, verbose_name=_("notes"))

    panels = [FieldPanel("location"), FieldPanel("description")]

    class Meta(Orderable.Meta):
        verbose_name = _("service location")
        verbose_name_plural = _("service locations")

    def __str__(self):
        return str(self.location)


class Phone(Orderable):
    """A phone number of a service; WhatsApp numbers get a wa.me link."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    service = ParentalKey(Service, on_delete=models.CASCADE, related_name="phones")
    number = PhoneNumberField(
        verbose_name=_("number"),
        help_text=_("With country code, e.g. +52 962 123 4567."),
    )
    description = models.CharField(
        max_length=120, blank=True, verbose_name=_("description")
    )
    whatsapp = models.BooleanField(default=False, verbose_name=_("WhatsApp"))

    panels = [
        FieldRowPanel([FieldPanel("number"), FieldPanel("whatsapp")]),
        FieldPanel("description"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("phone")
        verbose_name_plural = _("phones")

    def __str__(self):
        return self.display

    @property
    def display(self) -> str:
        """The number as people read it: +52 962 555 0123."""
        return format_phone(self.number)

    def tel_url(self) -> str:
        # From the normalised number, so one stored before numbers were
        # checked ("962 555 0123") still calls +52.
        number = normalized_or_as_typed(self.number)
        prefix = "+" if number.startswith("+") else ""
        return f"tel:{prefix}{phone_digits(number)}"

    def whatsapp_url(self) -> str:
        return f"https://wa.me/{phone_digits(self.number)}" if self.whatsapp else ""


class Schedule(Orderable):
    """Weekly opening hours of a service: one row per day and time span.
    A span closing before it opens runs past midnight."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    service = ParentalKey(Service, on_delete=models.CASCADE, related_name="schedules")
    weekday = models.PositiveSmallIntegerField(
        choices=Weekday.choices, verbose_name=_("day")
    )
    opens_at = models.TimeField(verbose_name=_("opens at"))
    closes_at = models.TimeField(verbose_name=_("closes at"))
    notes = models.CharField(max_length=120, blank=True, verbose_name=_("notes"))

    panels = [
        FieldRowPanel(
            [FieldPanel("weekday"), FieldPanel("opens_at"), FieldPanel("closes_at")]
        ),
        FieldPanel("notes"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("opening hours")
        verbose_name_plural = _("opening hours")

    def __str__(self):
        return (
            f"{self.get_weekday_display()} {self.opens_at:%H:%M}-{self.closes_at:%H:%M}"
        )

    def clean(self):
        super().clean()
        if self.opens_at is not None and self.opens_at == self.closes_at:
            raise ValidationError(
                {"closes_at": _("Closing time must differ from opening time.")}
            )

    def week_minutes(self) -> tuple[int, int]:
        """Start and end as minutes from Monday 00:00; the end may pass the
        end of the week."""
        start = self.weekday * 1440 + self.opens_at.hour * 60 + self.opens_at.minute
        end = self.weekday * 1440 + self.closes_at.hour * 60 + self.closes_at.minute
        if end <= start:
            end += 1440
        return start, end


class Contact(Orderable):
    """A person or desk responsible for the entry. Their e-mail receives the
    monthly verification link; it is never shown in public."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    service = ParentalKey(Service, on_delete=models.CASCADE, related_name="contacts")
    name = models.CharField(max_length=150, verbose_name=_("name"))
    title = models.CharField(max_length=120, blank=True, verbose_name=_("role"))
    email = models.EmailField(blank=True, verbose_name=_("e-mail"))
    language = models.CharField(
        max_length=5,
        choices=settings.LANGUAGES,
        default="es",
        verbose_name=_("language for e-mails"),
    )

    panels = [
        FieldRowPanel([FieldPanel("name"), FieldPanel("title")]),
        FieldRowPanel([FieldPanel("email"), FieldPanel("language")]),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("contact")
        verbose_name_plural = _("contacts")

    def __str__(self):
        return self.name


class RequiredDocument(Orderable):
    """Something a person must bring (HSDS required document)."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    service = ParentalKey(
        Service, on_delete=models.CASCADE, related_name="required_documents"
    )
    document = models.CharField(max_length=200, verbose_name=_("document"))

    panels = [FieldPanel("document")]

    class Meta(Orderable.Meta):
        verbose_name = _("required document")
        verbose_name_plural = _("required documents")

    def __str__(self):
        return self.document


# --- Public pages -----------------------------------------------------------------


class DirectoryIndexPage(RoutablePageMixin, OnePerLanguagePage, Page):
    """The public directory ("Buscar ayuda"): browse by town and by service
    type, and below it every service, organisation and town page, served
    from the entries (see :mod:`directory.views`)."""

    intro = RichTextField(
        blank=True, features=RICH_TEXT_FEATURES, verbose_name=_("introduction")
    )
    safety_note = models.TextField(
        blank=True,
        verbose_name=_("safety note"),
        help_text=_("Shown on every service page, e.g. what never to pay for."),
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("intro"),
        FieldPanel("safety_note"),
    ]
    search_fields = [*Page.search_fields, index.SearchField("intro")]
    parent_page_types = ["convivir.HomePage"]
    subpage_types = []
    max_count_per_parent = 1
    template = "directory/directory_index_page.html"

    class Meta:
        verbose_name = _("directory page")

    @path("")
    def index_route(self, request):
        from directory import views

        return views.directory_index(request, self)

    @path("servicio/<slug:slug>/")
    def service_route(self, request, slug):
        from directory import views

        return views.service_detail(request, self, slug)

    @path("servicio/<slug:slug>/reportar/")
    def report_route(self, request, slug):
        from directory import views

        return views.report_wrong_information(request, self, slug)

    # Signed tokens hold ":", which Wagtail's page paths do not allow: they
    # travel in the query string (``?t=…``).
    @path("verificar/")
    def verify_route(self, request):
        from directory import views

        return views.verify_entry(request, self, request.GET.get("t", ""))

    @path("estado/")
    def status_route(self, request):
        from directory import views

        return views.update_status(request, self, request.GET.get("t", ""))

    @path("organizacion/<slug:slug>/")
    def organization_route(self, request, slug):
        from directory import views

        return views.organization_detail(request, self, slug)

    @path("municipio/<slug:slug>/")
    def town_route(self, request, slug):
        from directory import views

        return views.town_detail(request, self, slug)

    @path("municipio/<slug:slug>/imprimir/")
    def town_sheet_route(self, request, slug):
        from directory import views

        return views.town_sheet(request, self, slug)

    def get_sitemap_urls(self, request=None):
        """The page itself, then every public service, organisation and town
        (confidential or not: these pages never show a confidential address).
        """
        urls = super().get_sitemap_urls(request)
        base = self.get_full_url(request)
        if not base:
            return urls
        services = Service.objects.public().select_related("organization")
        towns = set()
        organizations = set()
        for service in services.prefetch_related("service_at_locations__location").only(
            "slug", "updated_at", "organization__slug"
        ):
            urls.append(
                {
                    "location": f"{base}servicio/{service.slug}/",
                    "lastmod": service.updated_at,
                }
            )
            organizations.add(service.organization.slug)
            towns.update(location.town for location in service.locations())
        urls += [
            {"location": f"{base}organizacion/{slug}/"}
            for slug in sorted(organizations)
        ]
        urls += [{"location": f"{base}municipio/{slug}/"} for slug in sorted(towns)]
        return urls


# --- Reports of wrong information -------------------------------------------------


class WrongInformationReport(models.Model):
    """Someone says an entry is wrong ("they moved", "it is full"). Kept for
    editors, who are e-mailed and close the report once the entry is fixed.
    """

    class Status(models.TextChoices):
        OPEN = "open", _("Open")
        RESOLVED = "resolved", _("Resolved")

    service = models.ForeignKey(
        Service,
        on_delete=models.CASCADE,
        related_name="reports",
        verbose_name=_("service"),
    )
    what_is_wrong = models.TextField(max_length=2000, verbose_name=_("what is wrong"))
    contact = models.CharField(
        max_length=200,
        blank=True,
        verbose_name=_("contact (optional)"),
        help_text=_(
            "A phone or e-mail if you want us to reply. Leave it empty if not."
        ),
    )
    language = models.CharField(max_length=5, default="es", editable=False)
    status = models.CharField(
        max_length=10,
        choices=Status.choices,
        default=Status.OPEN,
        verbose_name=_("status"),
    )
    editor_notes = models.TextField(blank=True, verbose_name=_("editors' notes"))
    created_at = models.DateTimeField(default=timezone.now, verbose_name=_("received"))

    panels = [
        FieldPanel("service", read_only=True),
        FieldPanel("what_is_wrong", read_only=True),
        FieldPanel("contact", read_only=True),
        FieldPanel("status"),
        FieldPanel("editor_notes"),
    ]

    class Meta:
        verbose_name = _("report of wrong information")
        verbose_name_plural = _("reports of wrong information")
        ordering = ["-created_at"]

    def __str__(self):
        return f"{self.service} ({self.created_at:%Y-%m-%d})"

    def notify_editors(self):
        """E-mail every directory editor, each in their admin language."""
        from django.contrib.auth import get_user_model

        from wagtail.admin.admin_url_finder import AdminURLFinder

        from convivir.common.validators import supported_language
        from convivir.notifications import send_notification

        admin_path = AdminURLFinder().get_edit_url(self) or ""
        editors = (
            get_user_model()
            .objects.filter(groups__name=EDITORS_GROUP, is_active=True)
            .exclude(email="")
            .select_related("wagtail_userprofile")
            .distinct()
        )
        for editor in editors:
            profile = getattr(editor, "wagtail_userprofile", None)
            send_notification(
                to=editor.email,
                template="directory/email/wrong_information",
                context={
                    "report": self,
                    "service": self.service,
                    "admin_url": settings.BASE_URL + admin_path,
                },
                language=supported_language(
                    getattr(profile, "preferred_language", "") or None
                ),
            )
