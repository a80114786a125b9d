"""The site's core models: images, the home page, generic content pages, the
navigation and footer (one per language); the site's own records (outgoing
e-mail, undeliverable addresses, periodic jobs, the links to a person's own
data) are in :mod:`convivir.models.records`."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import (
    FieldPanel,
    InlinePanel,
    MultiFieldPanel,
    PageChooserPanel,
)
from wagtail.fields import RichTextField, StreamField
from wagtail.images.models import AbstractImage, AbstractRendition, Image
from wagtail.models import Orderable, Page, TranslatableMixin
from wagtail.search import index

from convivir.blocks import (
    RICH_TEXT_FEATURES,
    BaseStreamBlock,
    FeaturedCardBlock,
    prepare_links,
)
from convivir.common.languages import for_visitor, in_visitor_language
from convivir.models.records import (
    OutgoingEmail,
    PeriodicJobRun,
    PersonalDataLink,
    UndeliverableAddress,
)
from convivir.sections import home_sections
from convivir.share import share_rendition
from convivir.site_facts import KnownRestrictionsMixin, public


class CustomImage(AbstractImage):
    """Wagtail's image with its description made the required alternative
    text, plus a credit line for the author or source."""

    description = models.CharField(
        max_length=255,
        verbose_name=_("alternative text"),
        help_text=_(
            "What the image shows, for people who cannot see it. Used wherever "
            "the image appears without text of its own."
        ),
    )
    credit = models.CharField(
        max_length=255,
        blank=True,
        verbose_name=_("credit"),
        help_text=_("Author or source, shown under the image when set."),
    )

    admin_form_fields = (*Image.admin_form_fields, "credit")

    class Meta(AbstractImage.Meta):
        verbose_name = _("image")
        verbose_name_plural = _("images")
        permissions = [("choose_image", "Can choose image")]


class CustomRendition(AbstractRendition):
    """A resized copy of a :class:`CustomImage`."""

    image = models.ForeignKey(
        CustomImage, on_delete=models.CASCADE, related_name="renditions"
    )

    class Meta:
        unique_together = (("image", "filter_spec", "focal_point_key"),)


class HomePage(KnownRestrictionsMixin, Page):
    """The front door of the site, one per language: a hero with the main
    call to action, a short introduction and featured pages. Sections of the
    other apps (campaigns, events, directory, volunteering) are added below by
    those apps through :mod:`convivir.sections`."""

    hero_heading = models.CharField(
        max_length=120,
        verbose_name=_("hero heading"),
        help_text=_("The sentence a visitor reads first."),
    )
    hero_text = models.TextField(
        blank=True, max_length=400, verbose_name=_("hero text")
    )
    hero_image = models.ForeignKey(
        CustomImage,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("hero image"),
    )
    hero_image_alt = models.CharField(
        max_length=250,
        blank=True,
        verbose_name=_("hero image alternative text"),
        help_text=_(
            "What the image shows, in this page's language. Required with an image."
        ),
    )
    hero_cta_label = models.CharField(
        max_length=60,
        blank=True,
        verbose_name=_("hero button label"),
        help_text=_("Start with a verb: “Buscar ayuda”."),
    )
    hero_cta_page = models.ForeignKey(
        Page,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("hero button page"),
    )
    intro = RichTextField(
        blank=True, features=RICH_TEXT_FEATURES, verbose_name=_("introduction")
    )
    featured = StreamField(
        [("card", FeaturedCardBlock())],
        blank=True,
        verbose_name=_("featured pages"),
    )

    content_panels = [
        *Page.content_panels,
        MultiFieldPanel(
            [
                FieldPanel("hero_heading"),
                FieldPanel("hero_text"),
                FieldPanel("hero_image"),
                FieldPanel("hero_image_alt"),
                FieldPanel("hero_cta_label"),
                PageChooserPanel("hero_cta_page"),
            ],
            heading=_("Hero"),
        ),
        FieldPanel("intro"),
        FieldPanel("featured"),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("hero_heading"),
        index.SearchField("intro"),
    ]

    parent_page_types = ["wagtailcore.Page"]
    template = "convivir/home_page.html"

    class Meta:
        verbose_name = _("home page")
        verbose_name_plural = _("home pages")

    def share_image(self):
        """The hero image, cropped for link previews (see convivir.share)."""
        return share_rendition(self.hero_image)

    @property
    def share_image_alt(self) -> str:
        return self.hero_image_alt

    def clean(self):
        super().clean()
        errors = {}
        if self.hero_cta_page_id and not self.hero_cta_label:
            errors["hero_cta_label"] = _("Give the button a label, or remove its page.")
        if self.hero_image_id and not self.hero_image_alt:
            errors["hero_image_alt"] = _(
                "Describe the image for people who cannot see it."
            )
        if errors:
            raise ValidationError(errors)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["hero_cta_url"] = self.hero_cta_url(request)
        context["featured_cards"] = self.featured_cards(request)
        context["sections"] = home_sections.render_context(self, request)
        return context

    def hero_cta_url(self, request) -> str:
        """The hero button's address, in the visitor's language."""
        if self.hero_cta_page_id and self.hero_cta_label:
            (page,) = in_visitor_language(
                [self.hero_cta_page], select_related=("locale",)
            )
            return page.get_url(request) or ""
        return ""

    def featured_cards(self, request) -> list[dict]:
        """The featured pages in the visitor's language, with their cards'
        text; one query for all the links."""
        blocks = [block.value for block in self.featured]
        pages = in_visitor_language(
            [value["page"] for value in blocks], select_related=("locale",)
        )
        return [
            {
                "url": page.get_url(request),
                "title": value["title"] or page.title,
                "text": value["text"],
                "image": value["image"],
            }
            for value, page in zip(blocks, pages, strict=True)
            if page is not None and page.live
        ]


class ContentPage(KnownRestrictionsMixin, Page):
    """A general page of text, images and questions: "know your rights",
    safety advice, the privacy notice, the accessibility statement."""

    summary = models.TextField(
        blank=True,
        max_length=300,
        verbose_name=_("summary"),
        help_text=_("One or two sentences shown under the title and in listings."),
    )
    body = StreamField(BaseStreamBlock(), blank=True, verbose_name=_("body"))
    show_table_of_contents = models.BooleanField(
        default=False,
        verbose_name=_("show table of contents"),
        help_text=_("List the page's level-2 headings at the top."),
    )
    quick_exit = models.BooleanField(
        default=False,
        verbose_name=_("quick exit"),
        help_text=_(
            "Show the “Quick exit” button, which leaves for a neutral site at "
            "once: for pages about violence, trafficking or staying safe."
        ),
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("summary"),
        FieldPanel("body"),
        FieldPanel("show_table_of_contents"),
        FieldPanel("quick_exit"),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("summary"),
        index.SearchField("body"),
    ]

    parent_page_types = ["convivir.HomePage", "convivir.ContentPage"]
    subpage_types = ["convivir.ContentPage"]
    template = "convivir/content_page.html"
    # What a shared link shows (see convivir.share).
    share_type = "article"

    class Meta:
        verbose_name = _("content page")
        verbose_name_plural = _("content pages")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # Below the site root only: the root itself is linked as "Home".
        context["children"] = public(ContentPage.objects.child_of(self).live())
        prepare_links(self.body)
        return context

    def table_of_contents(self) -> list[dict]:
        """The level-2 headings of the body, with the anchors the heading
        template gives them."""
        return [
            {"text": block.value["text"], "anchor": f"s-{block.id}"}
            for block in self.body
            if block.block_type == "heading" and block.value["level"] == "h2"
        ]


class LinkFields(models.Model):
    """A link to a page of the site or to a web address, with its text."""

    label = models.CharField(max_length=60, verbose_name=_("text"))
    link_page = models.ForeignKey(
        Page,
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name=_("page"),
    )
    link_url = models.CharField(
        max_length=300,
        blank=True,
        verbose_name=_("or address"),
        help_text=_("A full web address, or a path on this site such as /es/."),
    )

    panels = [
        FieldPanel("label"),
        PageChooserPanel("link_page"),
        FieldPanel("link_url"),
    ]

    class Meta:
        abstract = True

    def __str__(self):
        return self.label

    def clean(self):
        super().clean()
        if not self.link_page_id and not self.link_url:
            raise ValidationError(
                {"link_page": _("Choose a page or enter an address.")}
            )
        if self.link_url and not is_safe_link(self.link_url):
            raise ValidationError(
                {
                    "link_url": _(
                        "Enter an address starting with https://, http://, "
                        "mailto:, tel: or a path on this site such as /es/."
                    )
                }
            )


def is_safe_link(url: str) -> bool:
    """Whether an editor's link is a web, e-mail or phone address, or a path
    on this site (never ``javascript:`` or another site via ``//``)."""
    if url.startswith("/"):
        return not url.startswith("//")
    return url.split(":", 1)[0].lower() in {"http", "https", "mailto", "tel"} and (
        ":" in url
    )


class OnePerLocaleMixin(TranslatableMixin):
    """A translatable snippet of which each language has exactly one."""

    class Meta(TranslatableMixin.Meta):
        abstract = True

    def clean(self):
        super().clean()
        others = type(self).objects.filter(locale_id=self.locale_id)
        if self.pk:
            others = others.exclude(pk=self.pk)
        if self.locale_id and others.exists():
            raise ValidationError(
                _("There is already one for this language; edit that one instead.")
            )

    @classmethod
    def for_visitor(cls, queryset=None):
        """The instance for the language being shown, falling back to the
        default language's, or None. One query (plus the queryset's
        prefetches)."""
        queryset = queryset if queryset is not None else cls.objects.all()
        return for_visitor(queryset)


class MainMenu(OnePerLocaleMixin, ClusterableModel):
    """The links in the header, one menu per language."""

    name = models.CharField(
        max_length=60,
        default="Menú principal",
        verbose_name=_("name"),
        help_text=_("Only shown in the admin."),
    )

    panels = [FieldPanel("name"), InlinePanel("items", label=_("links"))]

    class Meta(OnePerLocaleMixin.Meta):
        verbose_name = _("main menu")
        verbose_name_plural = _("main menus")

    def __str__(self):
        return f"{self.name} ({self.locale})"


class MainMenuItem(TranslatableMixin, Orderable, LinkFields):
    """One link of the main menu (translatable with its menu)."""

    menu = ParentalKey(MainMenu, on_delete=models.CASCADE, related_name="items")

    class Meta(TranslatableMixin.Meta):
        ordering = ["sort_order"]


class Footer(OnePerLocaleMixin, ClusterableModel):
    """The footer's contact text and links, one per language."""

    contact = RichTextField(
        features=["bold", "italic", "link"],
        blank=True,
        verbose_name=_("contact"),
        help_text=_("How to reach the programme: e-mail, phone, hours."),
    )

    emergency_line = models.CharField(
        max_length=200,
        blank=True,
        verbose_name=_("emergency numbers"),
        help_text=_(
            "One line on every page, e.g. “Emergencias: 911 · Denuncia anónima: "
            "089 · Guardia Nacional: 088”; the numbers become call links. Empty: "
            "that line."
        ),
    )

    panels = [
        FieldPanel("contact"),
        FieldPanel("emergency_line"),
        InlinePanel("links", label=_("links")),
    ]

    class Meta(OnePerLocaleMixin.Meta):
        verbose_name = _("footer")
        verbose_name_plural = _("footers")

    def __str__(self):
        return f"{self._meta.verbose_name} ({self.locale})"


class FooterLink(TranslatableMixin, Orderable, LinkFields):
    """One link of the footer (privacy notice, accessibility statement…)."""

    footer = ParentalKey(Footer, on_delete=models.CASCADE, related_name="links")

    class Meta(TranslatableMixin.Meta):
        ordering = ["sort_order"]


__all__ = [
    "ContentPage",
    "CustomImage",
    "CustomRendition",
    "Footer",
    "FooterLink",
    "HomePage",
    "LinkFields",
    "MainMenu",
    "MainMenuItem",
    "OnePerLocaleMixin",
    "OutgoingEmail",
    "PeriodicJobRun",
    "PersonalDataLink",
    "UndeliverableAddress",
    "is_safe_link",
]
