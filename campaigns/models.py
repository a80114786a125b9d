"""Campaigns against prejudice, the pledges people sign for them, and the
library of materials for dialogue sessions in host communities.

A :class:`CampaignPage` lives under a :class:`CampaignIndexPage` (the listing
with its filters); a :class:`DialogueMaterialPage` under a
:class:`DialogueMaterialIndexPage`. Both are tagged with :class:`Theme`, a
translatable taxonomy. A :class:`Pledge` is one person's "Me comprometo…"
for one campaign: pending until they confirm their address (double
opt-in), counted once confirmed, deleted if never confirmed.
"""

import secrets
from datetime import timedelta

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable, Page, TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from campaigns import conf
from campaigns.admin_forms import DialogueMaterialPageForm
from campaigns.blocks import (
    CampaignStreamBlock,
    DownloadBlock,
    RelatedCampaignsBlock,
    SessionPlanBlock,
    ToolkitBlock,
)
from campaigns.choices import Audience, DurationRange, MaterialFormat, MaterialLanguage
from campaigns.filters import CampaignFilter, MaterialFilter
from campaigns.sharing import share_links
from convivir.blocks import RICH_TEXT_FEATURES, prepare_links
from convivir.common.choices import Language, State
from convivir.common.languages import (
    OnePerLanguagePage,
    VisitorLanguageQuerySet,
    in_visitor_language,
)
from convivir.common.links import LinkError, SignedLink
from convivir.common.validators import normalize_email, supported_language
from convivir.jsonld import json_ld_script
from convivir.notifications import send_notification

CONFIRM_LINK = SignedLink(
    "campaigns.pledge.confirm", lambda: timedelta(days=conf.confirmation_days())
)
# Open Graph's recommended size for link previews.
SHARE_IMAGE_SPEC = "fill-1200x630-c100|format-jpeg|jpegquality-80"


# --- Taxonomy ---------------------------------------------------------------------


class Theme(TranslatableMixin, models.Model):
    """A theme campaigns and materials are tagged with: "discrimination at
    school", "women on the move", "work and fair pay". The slug is shared by
    every translation, so filter links work in both languages."""

    name = models.CharField(max_length=80, verbose_name=_("name"))
    slug = models.SlugField(
        max_length=80,
        verbose_name=_("slug"),
        help_text=_("Used in filter links. The same in every language."),
    )

    objects = VisitorLanguageQuerySet.as_manager()
    # Themes made separately in each language are one theme when their
    # slugs match (the slug is what filter links use).
    translation_identity = "slug"

    panels = [FieldPanel("name"), FieldPanel("slug")]
    # One slug for every language: filter links keep working after a switch.
    override_translatable_fields = [SynchronizedField("slug")]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("theme")
        verbose_name_plural = _("themes")
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(
                fields=["slug", "locale"], name="campaigns_theme_unique_slug"
            )
        ]

    def __str__(self):
        return self.name

    @classmethod
    def for_visitor(cls) -> list["Theme"]:
        """Every theme once, in the language being shown when translated,
        by name."""
        return sorted(
            cls.objects.all().in_visitor_language(), key=lambda t: t.name.lower()
        )


# --- Campaigns --------------------------------------------------------------------


class CampaignIndexPage(OnePerLanguagePage, Page):
    """The list of campaigns, newest first, filtered by theme and state
    through a plain GET form."""

    intro = RichTextField(
        blank=True, features=RICH_TEXT_FEATURES, verbose_name=_("introduction")
    )

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    search_fields = [*Page.search_fields, index.SearchField("intro")]
    parent_page_types = ["convivir.HomePage"]
    subpage_types = ["campaigns.CampaignPage"]
    max_count_per_parent = 1
    template = "campaigns/campaign_index_page.html"

    class Meta:
        verbose_name = _("campaign list")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["filter"] = CampaignFilter(
            CampaignPage.objects.child_of(self).live().public(),
            request.GET,
            Theme.for_visitor(),
        )
        # The dialogue-materials library in the same language, so that
        # community groups find the materials from the campaigns.
        context["library"] = (
            DialogueMaterialIndexPage.objects.live()
            .filter(locale_id=self.locale_id)
            .first()
        )
        return context


class CampaignPage(Page):
    """One campaign: what it says, to whom, when and where; the body,
    the toolkit to download, share links and, when switched on, a pledge."""

    hero_image = models.ForeignKey(
        settings.WAGTAILIMAGES_IMAGE_MODEL,
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("main image"),
        help_text=_("Set the focal point in the image editor: crops keep it in view."),
    )
    hero_alt = models.CharField(
        max_length=250,
        verbose_name=_("alternative text of the main image"),
        help_text=_("Describe what the image shows for people who cannot see it."),
    )
    summary = models.TextField(
        max_length=300,
        verbose_name=_("summary"),
        help_text=_("One or two sentences shown in listings and link previews."),
    )
    start_date = models.DateField(verbose_name=_("starts on"))
    end_date = models.DateField(null=True, blank=True, verbose_name=_("ends on"))
    themes = ParentalManyToManyField(
        Theme, blank=True, related_name="campaigns", verbose_name=_("themes")
    )
    is_featured = models.BooleanField(
        default=False,
        verbose_name=_("feature on the home page"),
        help_text=_("The newest featured campaign leads the home page."),
    )
    body = StreamField(CampaignStreamBlock(), blank=True, verbose_name=_("body"))
    toolkit = StreamField(
        ToolkitBlock(),
        blank=True,
        verbose_name=_("toolkit"),
        help_text=_("Posters, social media cards, radio spots to download."),
    )
    related_campaigns = StreamField(
        RelatedCampaignsBlock(), blank=True, verbose_name=_("related campaigns")
    )
    pledge_enabled = models.BooleanField(
        default=False,
        verbose_name=_("invite people to sign a pledge"),
    )
    pledge_text = models.TextField(
        blank=True,
        max_length=500,
        verbose_name=_("pledge"),
        help_text=_("What people commit to, e.g. “Me comprometo a…”."),
    )

    content_panels = [
        *Page.content_panels,
        MultiFieldPanel(
            [FieldPanel("hero_image"), FieldPanel("hero_alt")],
            heading=_("Main image"),
        ),
        FieldPanel("summary"),
        MultiFieldPanel(
            [FieldPanel("start_date"), FieldPanel("end_date")],
            heading=_("Campaign period"),
        ),
        FieldPanel("themes", widget=forms.CheckboxSelectMultiple),
        InlinePanel("targets", label=_("where the campaign runs")),
        FieldPanel("body"),
        FieldPanel("toolkit"),
        MultiFieldPanel(
            [FieldPanel("pledge_enabled"), FieldPanel("pledge_text")],
            heading=_("Pledge"),
        ),
        FieldPanel("related_campaigns"),
    ]
    promote_panels = [*Page.promote_panels, FieldPanel("is_featured")]
    search_fields = [
        *Page.search_fields,
        index.SearchField("summary"),
        index.SearchField("body"),
        index.FilterField("start_date"),
    ]
    parent_page_types = ["campaigns.CampaignIndexPage"]
    subpage_types = []
    template = "campaigns/campaign_page.html"

    class Meta:
        verbose_name = _("campaign")
        verbose_name_plural = _("campaigns")

    def clean(self):
        super().clean()
        errors = {}
        if self.end_date and self.start_date and self.end_date < self.start_date:
            errors["end_date"] = _("The campaign cannot end before it starts.")
        if self.pledge_enabled and not self.pledge_text.strip():
            errors["pledge_text"] = _("Write the pledge people will sign.")
        if errors:
            raise ValidationError(errors)

    def get_context(self, request, *args, **kwargs):
        from campaigns.forms import PledgeForm

        context = super().get_context(request, *args, **kwargs)
        prepare_links(self.body)
        context["themes"] = in_visitor_language(list(self.themes.all()))
        context["targets"] = list(self.targets.all())
        context["related"] = self.related_pages()
        context["full_url"] = self.get_full_url(request)
        context["share_links"] = share_links(context["full_url"], self.title)
        context["json_ld_data"] = self.json_ld(request)
        context["base_url"] = settings.BASE_URL
        if self.pledge_enabled:
            context["pledge_count"] = self.confirmed_pledges()
            context["pledge_form"] = PledgeForm()
        return context

    def related_pages(self) -> list["CampaignPage"]:
        """Related campaigns that are live, in the visitor's language."""
        chosen = [block.value for block in self.related_campaigns if block.value]
        return [
            page
            for page in in_visitor_language(chosen)
            if page is not None and page.live and page.pk != self.pk
        ]

    def confirmed_pledges(self) -> int:
        """Confirmed pledges for this campaign, in every language."""
        return (
            Pledge.objects.confirmed().filter(campaign_key=self.translation_key).count()
        )

    def share_image(self):
        if self.hero_image is None:
            return None
        return self.hero_image.get_rendition(SHARE_IMAGE_SPEC)

    def json_ld(self, request) -> str:
        """schema.org Article describing the campaign."""
        data = {
            "@context": "https://schema.org",
            "@type": "Article",
            "headline": self.title,
            "description": self.summary,
            "url": self.get_full_url(request),
            "inLanguage": self.locale.language_code,
            "datePublished": self.first_published_at,
            "dateModified": self.last_published_at,
            "publisher": {"@type": "Organization", "name": settings.WAGTAIL_SITE_NAME},
            "about": [
                theme.name for theme in in_visitor_language(list(self.themes.all()))
            ],
        }
        image = self.share_image()
        if image is not None:
            data["image"] = settings.BASE_URL + image.url
        return json_ld_script(data)

    @property
    def is_running(self) -> bool:
        today = timezone.localdate()
        return self.start_date <= today and (
            self.end_date is None or today <= self.end_date
        )


class CampaignTarget(Orderable):
    """A state, and optionally a municipality, a campaign is aimed at."""

    page = ParentalKey(CampaignPage, on_delete=models.CASCADE, related_name="targets")
    state = models.CharField(
        max_length=20, choices=State.choices, verbose_name=_("state")
    )
    municipality = models.CharField(
        max_length=80,
        blank=True,
        verbose_name=_("municipality"),
        help_text=_("Leave blank for the whole state."),
    )

    panels = [FieldPanel("state"), FieldPanel("municipality")]

    class Meta(Orderable.Meta):
        verbose_name = _("target place")
        verbose_name_plural = _("target places")

    def __str__(self):
        if self.municipality:
            return f"{self.municipality}, {self.get_state_display()}"
        return self.get_state_display()


# --- Pledges ----------------------------------------------------------------------


class PledgeQuerySet(models.QuerySet):
    def confirmed(self):
        return self.filter(confirmed_at__isnull=False)

    def pending(self):
        return self.filter(confirmed_at__isnull=True)

    def due_for_purge(self, now=None):
        """Pledges never confirmed within the retention period."""
        now = now or timezone.now()
        before = now - timedelta(days=conf.unconfirmed_retention_days())
        return self.pending().filter(confirmation_sent_at__lt=before)


class Pledge(models.Model):
    """One person's pledge for one campaign. ``campaign_key`` is the
    campaign's translation key: a pledge signed on the English page counts
    for the Spanish one too, and one address signs a campaign once."""

    class Outcome(models.TextChoices):
        NEW = "new"
        RESENT = "resent"
        ALREADY_CONFIRMED = "already_confirmed"

    campaign = models.ForeignKey(
        CampaignPage,
        on_delete=models.CASCADE,
        related_name="pledges",
        verbose_name=_("campaign"),
    )
    campaign_key = models.UUIDField(editable=False, db_index=True)
    name = models.CharField(max_length=120, blank=True, verbose_name=_("name"))
    is_anonymous = models.BooleanField(default=False, verbose_name=_("anonymous"))
    email = models.EmailField(verbose_name=_("e-mail"))
    municipality = models.CharField(max_length=80, verbose_name=_("municipality"))
    consent_at = models.DateTimeField(verbose_name=_("consent given at"))
    language = models.CharField(
        max_length=8,
        choices=settings.LANGUAGES,
        default="es",
        verbose_name=_("language"),
    )
    # Changes with every confirmation e-mail, so only the newest link works.
    confirmation_nonce = models.CharField(max_length=32, editable=False)
    confirmation_sent_at = models.DateTimeField(default=timezone.now)
    confirmed_at = models.DateTimeField(
        null=True, blank=True, db_index=True, verbose_name=_("confirmation date")
    )
    created_at = models.DateTimeField(default=timezone.now, verbose_name=_("signed at"))

    objects = PledgeQuerySet.as_manager()

    class Meta:
        verbose_name = _("pledge")
        verbose_name_plural = _("pledges")
        ordering = ["-created_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["campaign_key", "email"], name="campaigns_one_pledge_per_email"
            )
        ]

    def __str__(self):
        return f"{self._meta.verbose_name.capitalize()} #{self.pk}"

    @property
    def public_name(self) -> str:
        return "" if self.is_anonymous else self.name

    @property
    def is_confirmed(self) -> bool:
        return self.confirmed_at is not None

    @classmethod
    def sign(cls, *, campaign: CampaignPage, email: str, language: str, **data):
        """Record a pledge and e-mail the confirmation link, in one
        transaction. Returns ``(pledge, outcome)``: a second pledge with the
        same address gets a fresh link (pending) or a reminder that it is
        already counted (confirmed). Only the e-mail differs: the visitor
        sees the same page in every case, so the form never reveals whether
        an address has signed."""
        email = normalize_email(email)
        language = supported_language(language)
        now = timezone.now()
        with transaction.atomic():
            pledge = (
                cls.objects.select_for_update()
                .filter(campaign_key=campaign.translation_key, email=email)
                .first()
            )
            if pledge is not None and pledge.is_confirmed:
                pledge._send("already_confirmed", campaign=campaign, language=language)
                return pledge, cls.Outcome.ALREADY_CONFIRMED
            outcome = cls.Outcome.RESENT if pledge else cls.Outcome.NEW
            pledge = pledge or cls(
                campaign_key=campaign.translation_key, email=email, created_at=now
            )
            pledge.campaign = campaign
            pledge.name = "" if data.get("is_anonymous") else data.get("name", "")
            pledge.is_anonymous = bool(data.get("is_anonymous"))
            pledge.municipality = data["municipality"]
            pledge.language = language
            pledge.consent_at = now
            pledge.confirmation_nonce = secrets.token_hex(8)
            pledge.confirmation_sent_at = now
            pledge.save()
            pledge._send(
                "confirm_pledge",
                campaign=campaign,
                context={
                    "confirm_url": pledge.absolute_url(
                        "campaigns:confirm_pledge", pledge.confirmation_token()
                    ),
                    "valid_days": conf.confirmation_days(),
                },
            )
        return pledge, outcome

    def confirmation_token(self) -> str:
        return CONFIRM_LINK.make({"p": self.pk, "n": self.confirmation_nonce})

    @classmethod
    def from_confirmation_token(cls, token: str) -> "Pledge":
        """The pledge a confirmation link is for. Raises
        :class:`~convivir.common.links.LinkError` "expired", "invalid"
        (tampered, deleted or replaced) or "used"."""
        payload = CONFIRM_LINK.load(token)
        pledge = (
            cls.objects.select_related("campaign").filter(pk=payload.get("p")).first()
        )
        if pledge is None or pledge.confirmation_nonce != payload.get("n"):
            raise LinkError("invalid")
        if pledge.is_confirmed:
            raise LinkError("used")
        return pledge

    def confirm(self):
        """Count the pledge. Safe against a double click: the second
        confirmation finds it already confirmed."""
        with transaction.atomic():
            updated = (
                type(self)
                .objects.filter(pk=self.pk, confirmed_at__isnull=True)
                .update(confirmed_at=timezone.now())
            )
            if not updated:
                raise LinkError("used")
        self.refresh_from_db(fields=["confirmed_at"])

    @classmethod
    def purge(cls, now=None) -> int:
        """Delete pledges never confirmed within the retention period."""
        deleted, _ = cls.objects.due_for_purge(now).delete()
        return deleted

    def absolute_url(self, url_name: str, token: str) -> str:
        """A public link in the language the person signed in."""
        with translation.override(self.language):
            return settings.BASE_URL + reverse(url_name, args=[token])

    def _send(self, name: str, *, campaign, language=None, context=None):
        language = language or self.language
        with translation.override(language):
            (localized,) = in_visitor_language([campaign])
            campaign_url = localized.get_full_url()
        send_notification(
            to=self.email,
            template=f"campaigns/email/{name}",
            context={
                "pledge": self,
                "campaign": localized,
                "campaign_url": campaign_url,
                **(context or {}),
            },
            language=language,
        )


# --- Dialogue materials -----------------------------------------------------------


class DialogueMaterialIndexPage(Page):
    """The library of dialogue materials, filtered by audience, theme,
    format, language and duration."""

    intro = RichTextField(
        blank=True, features=RICH_TEXT_FEATURES, verbose_name=_("introduction")
    )

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    search_fields = [*Page.search_fields, index.SearchField("intro")]
    parent_page_types = ["convivir.HomePage"]
    subpage_types = ["campaigns.DialogueMaterialPage"]
    max_count_per_parent = 1
    template = "campaigns/dialogue_material_index_page.html"

    class Meta:
        verbose_name = _("dialogue materials library")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["filter"] = MaterialFilter(
            DialogueMaterialPage.objects.child_of(self)
            .live()
            .public()
            .prefetch_related("themes")
            .order_by("title"),
            request.GET,
            Theme.for_visitor(),
        )
        return context


class DialogueMaterialPage(Page):
    """A material for a dialogue session: who it is for, what it aims at,
    how long it takes, what to bring, the session plan step by step and the
    files to download. Prints cleanly for the facilitator."""

    summary = models.TextField(
        max_length=300,
        verbose_name=_("summary"),
        help_text=_("One or two sentences shown in the library."),
    )
    audiences = models.JSONField(default=list, verbose_name=_("audiences"))
    themes = ParentalManyToManyField(
        Theme, blank=True, related_name="materials", verbose_name=_("topics")
    )
    format = models.CharField(
        max_length=20, choices=MaterialFormat.choices, verbose_name=_("format")
    )
    material_language = models.CharField(
        max_length=8,
        choices=MaterialLanguage.choices,
        default=Language.SPANISH,
        verbose_name=_("language of the material"),
    )
    duration_minutes = models.PositiveSmallIntegerField(
        verbose_name=_("duration in minutes")
    )
    objectives = RichTextField(
        features=["bold", "italic", "ul", "ol", "link"], verbose_name=_("objectives")
    )
    materials_needed = RichTextField(
        blank=True,
        features=["bold", "italic", "ul", "ol"],
        verbose_name=_("materials needed"),
    )
    session_plan = StreamField(
        SessionPlanBlock(), blank=True, verbose_name=_("session plan")
    )
    downloads = StreamField(DownloadBlock(), blank=True, verbose_name=_("downloads"))
    related_campaigns = StreamField(
        RelatedCampaignsBlock(), blank=True, verbose_name=_("related campaigns")
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("summary"),
        MultiFieldPanel(
            [
                FieldPanel("audiences"),
                FieldPanel("themes", widget=forms.CheckboxSelectMultiple),
                FieldPanel("format"),
                FieldPanel("material_language"),
                FieldPanel("duration_minutes"),
            ],
            heading=_("Description"),
        ),
        FieldPanel("objectives"),
        FieldPanel("materials_needed"),
        FieldPanel("session_plan"),
        FieldPanel("downloads"),
        FieldPanel("related_campaigns"),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("summary"),
        index.SearchField("objectives"),
        index.SearchField("session_plan"),
    ]
    parent_page_types = ["campaigns.DialogueMaterialIndexPage"]
    subpage_types = []
    template = "campaigns/dialogue_material_page.html"
    base_form_class = DialogueMaterialPageForm

    class Meta:
        verbose_name = _("dialogue material")
        verbose_name_plural = _("dialogue materials")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["themes"] = in_visitor_language(list(self.themes.all()))
        chosen = [block.value for block in self.related_campaigns if block.value]
        context["related"] = [
            page
            for page in in_visitor_language(chosen)
            if page is not None and page.live
        ]
        context["json_ld_data"] = self.json_ld(request)
        return context

    @cached_property
    def plan_minutes(self) -> int:
        """The session plan's steps added up."""
        return sum(block.value["minutes"] or 0 for block in self.session_plan)

    @property
    def duration_range(self) -> str:
        return DurationRange.of(self.duration_minutes)

    def audience_labels(self) -> list[str]:
        names = dict(Audience.choices)
        return [names[code] for code in self.audiences if code in names]

    def json_ld(self, request) -> str:
        """schema.org CreativeWork (a learning resource) for the material."""
        data = {
            "@context": "https://schema.org",
            "@type": "CreativeWork",
            "name": self.title,
            "description": self.summary,
            "url": self.get_full_url(request),
            "inLanguage": self.material_language,
            "learningResourceType": self.get_format_display(),
            "timeRequired": f"PT{self.duration_minutes}M",
            "audience": [
                {"@type": "Audience", "audienceType": str(label)}
                for label in self.audience_labels()
            ],
            "publisher": {"@type": "Organization", "name": settings.WAGTAIL_SITE_NAME},
        }
        return json_ld_script(data)
