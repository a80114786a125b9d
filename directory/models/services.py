"""Services: what an organisation offers (a shelter, a soup kitchen, legal
aid) and where (:class:`ServiceAtLocation`), edited as one cluster with its
inline rows (these, and the phones, opening hours, contacts and required
documents of :mod:`directory.models.service_details`), with drafts,
revisions and moderation. :meth:`ServiceQuerySet.public`: what the public sees."""

import uuid
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models.functions import Coalesce
from django.db.models.lookups import GreaterThanOrEqual, LessThan
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
from wagtail.log_actions import log
from wagtail.models import (
    DraftStateMixin,
    LockableMixin,
    Orderable,
    RevisionMixin,
    WorkflowMixin,
)

from convivir.common import iso639
from convivir.common.links import LinkError, SignedLink
from directory import conf
from directory.choices import ServiceStatus
from directory.models.organizations import Location, Organization
from directory.models.taxonomy import POPULATIONS, SERVICE_TYPES, TaxonomyTerm
from directory.models.texts import ENGLISH_TEXTS, Text
from directory.public_urls import directory_page
from search.indexing import deferred, reindex

MEXICO_CITY = ZoneInfo("America/Mexico_City")

# The service type of the places that take people in for the night: only
# their "space available / full" status means something to a visitor.
SHELTER_TYPE = "shelter"

# The services' kind in the search index (see :mod:`directory.indexing`).
SERVICES_KIND = "directory.service"


# The links a service's own staff get by e-mail: confirm the entry, set today's
# status.
VERIFY_LINK = SignedLink(
    "directory.service.verify", lambda: timedelta(days=conf.link_days())
)
STATUS_LINK = SignedLink(
    "directory.service.status", lambda: timedelta(days=conf.link_days())
)


class ServiceQuerySet(models.QuerySet):
    def checked_before(self, moment):
        """Entries whose last verification (or creation, if never verified)
        is older than ``moment``."""
        return self.alias(checked_at=Coalesce("last_verified_at", "created_at")).filter(
            checked_at__lt=moment
        )

    @staticmethod
    def _checked(lookup, now=None):
        """Last verification (or creation) against the period: no subquery."""
        since = (now or timezone.now()) - timedelta(days=conf.hide_after_days())
        return lookup(Coalesce("last_verified_at", "created_at"), since)

    def public(self, now=None):
        """What the public may see: published, and verified within the
        configured period (see :func:`directory.conf.hide_after_days`)."""
        return self.filter(self._checked(GreaterThanOrEqual, now), live=True)

    def being_rechecked(self, now=None):
        """Published but hidden until someone verifies it: its page says so."""
        return self.filter(self._checked(LessThan, now), live=True)

    def in_town(self, slug: str):
        at = ServiceAtLocation.objects.filter(location__town=slug)  # no DISTINCT
        return self.filter(pk__in=at.values("service_id"))

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
    alternate_name = models.CharField(
        max_length=200,
        blank=True,
        verbose_name=_("name in English"),
        help_text=_("HSDS alternate_name: the name English pages show."),
    )
    slug = models.SlugField(max_length=120, unique=True, verbose_name=_("slug"))
    description = models.TextField(verbose_name=_("what it offers"))
    description_en = models.TextField(
        blank=True, verbose_name=_("what it offers (English)")
    )
    alert = models.TextField(
        blank=True,
        verbose_name=_("notice"),
        help_text=_("Shown above everything else: a move, a change of hours."),
    )
    url = models.URLField(blank=True, verbose_name=_("website"))
    email = models.EmailField(blank=True, verbose_name=_("public e-mail"))
    status = models.CharField(
        max_length=20,
        choices=ServiceStatus.choices,
        default=ServiceStatus.OPEN,
        verbose_name=_("status"),
    )
    # Set when someone reports today's status (a shelter's staff, an
    # editor, a partner's file): the "since" line shows only then.
    status_changed_at = models.DateTimeField(
        null=True, blank=True, verbose_name=_("status reported at")
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
    eligibility_description_en = models.TextField(
        blank=True, verbose_name=_("who can use it (English)")
    )
    minimum_age = models.PositiveSmallIntegerField(
        null=True, blank=True, verbose_name=_("minimum age")
    )
    maximum_age = models.PositiveSmallIntegerField(
        null=True, blank=True, verbose_name=_("maximum age")
    )
    application_process = models.TextField(blank=True, verbose_name=_("how to get it"))
    application_process_en = models.TextField(
        blank=True, verbose_name=_("how to get it (English)")
    )
    interpretation_services = models.TextField(
        blank=True, verbose_name=_("interpretation")
    )
    is_free = models.BooleanField(default=True, verbose_name=_("free of charge"))
    fees_description = models.TextField(
        blank=True,
        verbose_name=_("costs"),
        help_text=_("Only if something must be paid."),
    )
    fees_description_en = models.TextField(
        blank=True, verbose_name=_("costs (English)")
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
        FieldPanel("alert"),
        FieldPanel("status"),
        FieldPanel("service_types", widget=forms.CheckboxSelectMultiple),
        FieldPanel("populations", widget=forms.CheckboxSelectMultiple),
        MultiFieldPanel(
            [
                FieldPanel("eligibility_description"),
                FieldRowPanel([FieldPanel("minimum_age"), FieldPanel("maximum_age")]),
                FieldPanel("application_process"),
                FieldPanel("is_free"),
                FieldPanel("fees_description"),
                FieldPanel("languages"),
                FieldPanel("interpretation_services"),
                FieldPanel("capacity"),
            ],
            heading=_("Who, how and cost"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("alternate_name"),
                FieldPanel("description_en"),
                FieldPanel("eligibility_description_en"),
                FieldPanel("application_process_en"),
                FieldPanel("fees_description_en"),
            ],
            heading=_("In English"),
            classname="collapsed",
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
        indexes = [models.Index(fields=["name", "id"], name="directory_service_name")]

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        if not self.slug:
            self.slug = slugify(self.name)[:120]
        # Its places, hours and terms are written after the row: index the
        # service once, when all of it is saved.
        with deferred():
            super().save(*args, **kwargs)
            reindex(SERVICES_KIND, [self.pk])

    def clean(self):
        super().clean()
        unknown = [code for code in self.languages or [] if not iso639.is_known(code)]
        if unknown:
            raise ValidationError({"languages": _("Choose languages from the list.")})
        if (
            self.minimum_age is not None
            and self.maximum_age is not None
            and self.minimum_age > self.maximum_age
        ):
            raise ValidationError(
                {"maximum_age": _("The maximum age is below the minimum age.")}
            )
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
        """The service's page under ``directory`` (by default the directory
        page of the language being shown); empty when there is no directory
        page."""
        directory = directory or directory_page()
        if directory is None:
            return ""
        return directory.route_url("service", request, slug=self.slug)

    def get_full_url(self, language: str = "es") -> str:
        """The absolute address of the page in ``language``, for e-mails."""
        directory = directory_page(language)
        if directory is None:
            return ""
        return directory.route_url("service", full=True, slug=self.slug)

    def text(self, field: str, language: str | None = None) -> Text:
        """The text ``field`` (``"description"``…) for a page in ``language``
        (by default the language being shown): the English version on an
        English page when one is written, else the Spanish text, with the
        language it is written in so the page can mark it."""
        language = language or translation.get_language() or settings.LANGUAGE_CODE
        english = ENGLISH_TEXTS.get(field)
        if language == "en" and english and getattr(self, english).strip():
            return Text(getattr(self, english), "en")
        return Text(getattr(self, field), settings.LANGUAGE_CODE)

    def texts(self, language: str | None = None) -> dict[str, Text]:
        """Every text that has an English version, by its Spanish field."""
        return {field: self.text(field, language) for field in ENGLISH_TEXTS}

    def takes_people_in(self) -> bool:
        """A shelter: a place to stay, whose status (space available, full)
        is news for a visitor. Reads the prefetched service types."""
        return any(term.code == SHELTER_TYPE for term in self.service_types.all())

    def shows_live_status(self) -> bool:
        """Whether pages say "space available / full since …": only for a
        shelter, and only once someone has reported its status."""
        return self.status_changed_at is not None and self.takes_people_in()

    def is_temporarily_closed(self) -> bool:
        """Said on every page of every service: nobody should go there."""
        return self.status == ServiceStatus.TEMPORARILY_CLOSED

    def call_phone(self):
        """The first phone a visitor can call (not a fax or a pager)."""
        return next((phone for phone in self.phones.all() if phone.can_call), None)

    def language_labels(self) -> list[str]:
        return iso639.names(self.languages)

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
        if self.is_temporarily_closed():
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

    def whatsapp_phone(self):
        return next((phone for phone in self.phones.all() if phone.whatsapp), None)

    def mark_verified(self, user=None, name: str = "", when=None):
        """Record that the entry was checked today, without touching its
        draft or its published content, and write it to the audit log."""
        self.last_verified_at = when or timezone.now()
        self.verified_by = user
        self.verified_by_name = name
        type(self).objects.filter(pk=self.pk).update(
            last_verified_at=self.last_verified_at,
            verified_by=user,
            verified_by_name=name,
        )
        reindex(SERVICES_KIND, [self.pk])
        log(instance=self, action="directory.verify", user=user)

    # -- Signed links for the service's own staff --

    def verification_token(self, contact) -> str:
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

    def set_status(self, status: str, user=None, via: str = "admin"):
        """Change the status at once (shelter staff report it from a phone)."""
        if status not in ServiceStatus.values:
            raise ValueError(status)
        previous = self.status
        self.status = status
        self.status_changed_at = timezone.now()
        type(self).objects.filter(pk=self.pk).update(
            status=status, status_changed_at=self.status_changed_at
        )
        reindex(SERVICES_KIND, [self.pk])
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
