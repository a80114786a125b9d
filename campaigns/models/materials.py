"""The library of dialogue materials and each material's page."""

from django import forms
from django.conf import settings
from django.db import models
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index

from campaigns.admin.forms import DialogueMaterialPageForm
from campaigns.blocks import DownloadBlock, RelatedCampaignsBlock, SessionPlanBlock
from campaigns.choices import Audience, DurationRange, MaterialFormat, MaterialLanguage
from campaigns.filters import MaterialFilter
from campaigns.models.themes import Theme
from convivir.blocks import RICH_TEXT_FEATURES
from convivir.common.choices import Language
from convivir.common.languages import in_visitor_language
from convivir.jsonld import json_ld_script
from convivir.site_facts import KnownRestrictionsMixin, public


class DialogueMaterialIndexPage(KnownRestrictionsMixin, Page):
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
        verbose_name_plural = _("dialogue materials libraries")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["filter"] = MaterialFilter(
            public(DialogueMaterialPage.objects.child_of(self).live())
            .prefetch_related("themes")
            .order_by("title"),
            request.GET,
            Theme.for_visitor(),
        )
        return context


class DialogueMaterialPage(KnownRestrictionsMixin, Page):
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
