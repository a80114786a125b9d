"""StreamField blocks of campaign and dialogue-material pages. The general
blocks (text, image, video loaded on click, call to action, documents) come
from :mod:`convivir.blocks`; these are the ones only campaigns need."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from wagtail import blocks
from wagtail.blocks.struct_block import StructBlockValidationError
from wagtail.documents.blocks import DocumentChooserBlock

from campaigns.choices import ToolkitKind
from convivir.blocks import (
    RICH_TEXT_FEATURES,
    CallToActionBlock,
    CaptionedImageBlock,
    DocumentLinkBlock,
    HeadingBlock,
    VideoEmbedBlock,
    document_details,
)
from networks.blocks import VolunteerCallToActionBlock


class KeyFactBlock(blocks.StructBlock):
    """A figure that makes a point, always with where it comes from."""

    figure = blocks.CharBlock(
        label=_("figure"), max_length=40, help_text=_("E.g. “7 de cada 10”.")
    )
    text = blocks.TextBlock(label=_("what it means"), max_length=300)
    source = blocks.CharBlock(
        label=_("source"),
        max_length=200,
        help_text=_("Who published the figure, and when. Required."),
    )
    source_url = blocks.URLBlock(label=_("source address"), required=False)

    class Meta:
        icon = "info-circle"
        template = "campaigns/blocks/key_fact_block.html"
        label = _("Key fact")
        description = _("A figure or statistic with its source.")
        preview_value = {
            "figure": "7 de cada 10",
            "text": "personas en tránsito dicen haber sufrido discriminación.",
            "source": "Encuesta regional, 2024",
        }


class TestimonyValue(blocks.StructValue):
    @property
    def display_name(self) -> str:
        """The name as published: the first name alone when asked."""
        name = (self.get("name") or "").strip()
        if self.get("first_name_only") and name:
            return name.split()[0]
        return name


class TestimonyBlock(blocks.StructBlock):
    """A person's own words. Publishing them needs their consent, which the
    editor confirms by ticking the box; without it the page cannot be saved."""

    quote = blocks.TextBlock(label=_("quote"), max_length=1200)
    name = blocks.CharBlock(label=_("name"), max_length=120, required=False)
    first_name_only = blocks.BooleanBlock(
        label=_("show only the first name"),
        required=False,
        default=True,
        help_text=_("Recommended: a full name can put a person at risk."),
    )
    place = blocks.CharBlock(
        label=_("place or role"),
        max_length=120,
        required=False,
        help_text=_("E.g. “vecina de Tenosique”. Never where someone stays now."),
    )
    consent_given = blocks.BooleanBlock(
        label=_("consent given"),
        required=False,
        help_text=_(
            "Tick to confirm that the person agreed, in writing or recorded, "
            "to publish these words."
        ),
    )

    def clean(self, value):
        value = super().clean(value)
        if not value.get("consent_given"):
            raise StructBlockValidationError(
                block_errors={
                    "consent_given": ValidationError(
                        _(
                            "A testimony can only be published with the "
                            "person's consent. Tick the box once you have it."
                        ),
                        code="consent_required",
                    )
                }
            )
        return value

    class Meta:
        icon = "openquote"
        template = "campaigns/blocks/testimony_block.html"
        label = _("Testimony")
        value_class = TestimonyValue
        description = _("A person's words, published with their consent.")


class GalleryBlock(blocks.StructBlock):
    """A few images side by side, each with its own alternative text."""

    heading = blocks.CharBlock(label=_("heading"), max_length=120, required=False)
    images = blocks.ListBlock(CaptionedImageBlock(), label=_("images"), min_num=2)

    class Meta:
        icon = "image"
        template = "campaigns/blocks/gallery_block.html"
        label = _("Gallery")
        description = _("Two or more images in a grid.")


class CampaignStreamBlock(blocks.StreamBlock):
    """The body of a campaign page."""

    heading = HeadingBlock()
    paragraph = blocks.RichTextBlock(
        label=_("Text"),
        icon="pilcrow",
        features=RICH_TEXT_FEATURES,
        template="blocks/paragraph_block.html",
    )
    key_fact = KeyFactBlock()
    testimony = TestimonyBlock()
    image = CaptionedImageBlock()
    gallery = GalleryBlock()
    video = VideoEmbedBlock()
    call_to_action = CallToActionBlock(
        help_text=_("Link to a page, an event or the directory.")
    )
    volunteer_cta = VolunteerCallToActionBlock()
    document = DocumentLinkBlock()


class ToolkitItemBlock(blocks.StructBlock):
    """One file of a campaign's toolkit: a poster, a social card, a radio
    spot. Its format and size are shown beside the link."""

    document = DocumentChooserBlock(label=_("document"))
    kind = blocks.ChoiceBlock(
        choices=ToolkitKind.choices,
        default=ToolkitKind.POSTER,
        label=_("kind"),
        translatable=False,
    )
    label = blocks.CharBlock(
        label=_("link text"),
        required=False,
        help_text=_("Leave blank to use the document's title."),
    )

    class Meta:
        icon = "doc-full"
        template = "campaigns/blocks/toolkit_item_block.html"
        label = _("Toolkit file")

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context=parent_context)
        context.update(document_details(value["document"]))
        context["kind_label"] = dict(ToolkitKind.choices).get(value["kind"], "")
        return context


class SessionStepBlock(blocks.StructBlock):
    """One step of a dialogue session: what the group does, for how long."""

    title = blocks.CharBlock(label=_("step"), max_length=120)
    minutes = blocks.IntegerBlock(label=_("minutes"), min_value=1, max_value=480)
    instructions = blocks.RichTextBlock(
        label=_("instructions"), features=["bold", "italic", "ol", "ul", "link"]
    )

    class Meta:
        icon = "time"
        template = "campaigns/blocks/session_step_block.html"
        label = _("Step")


class SessionPlanBlock(blocks.StreamBlock):
    step = SessionStepBlock()


class DownloadBlock(blocks.StreamBlock):
    document = DocumentLinkBlock()


class ToolkitBlock(blocks.StreamBlock):
    file = ToolkitItemBlock()


class RelatedCampaignsBlock(blocks.StreamBlock):
    campaign = blocks.PageChooserBlock(
        page_type="campaigns.CampaignPage", label=_("campaign")
    )
