"""Campaigns: the list with its filters, each campaign's page and the
places it is aimed at."""

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index

from campaigns.blocks import CampaignStreamBlock, RelatedCampaignsBlock, ToolkitBlock
from campaigns.filters import CampaignFilter
from campaigns.forms import PledgeForm
from campaigns.models.materials import DialogueMaterialIndexPage
from campaigns.models.pledges import Pledge
from campaigns.models.themes import Theme
from campaigns.sharing import share_links
from convivir.blocks import RICH_TEXT_FEATURES, prepare_links
from convivir.common.choices import State
from convivir.common.languages import OnePerLanguagePage, in_visitor_language
from convivir.jsonld import json_ld_script
from convivir.share import share_rendition
from convivir.site_facts import KnownRestrictionsMixin, public


class CampaignIndexPage(KnownRestrictionsMixin, OnePerLanguagePage, Page):
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
        verbose_name_plural = _("campaign lists")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["filter"] = CampaignFilter(
            public(CampaignPage.objects.child_of(self).live()),
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


class CampaignPage(KnownRestrictionsMixin, Page):
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
        context = super().get_context(request, *args, **kwargs)
        prepare_links(self.body)
        context["themes"] = in_visitor_language(list(self.themes.all()))
        context["targets"] = list(self.targets.all())
        context["related"] = self.related_pages()
        context["full_url"] = self.get_full_url(request)
        context["share_links"] = share_links(context["full_url"], self.title)
        context["json_ld_data"] = self.json_ld(request)
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

    # What a shared link shows (see convivir.share).
    share_type = "article"

    def share_image(self):
        return share_rendition(self.hero_image)

    @property
    def share_image_alt(self) -> str:
        return self.hero_alt

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
