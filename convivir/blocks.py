"""StreamField blocks shared by every page type of the site.

Each block renders through its own template under ``site/templates/blocks/``.
None of them loads anything from another origin: video embeds are a plain
link until the reader asks for the player.
"""

from urllib.parse import parse_qs, urlsplit

from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _

from wagtail import blocks
from wagtail.blocks.list_block import ListValue
from wagtail.blocks.stream_block import StreamValue
from wagtail.blocks.struct_block import StructBlockValidationError
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.images.blocks import ImageChooserBlock as WagtailImageChooserBlock

from convivir.common.languages import in_visitor_language

RICH_TEXT_FEATURES = ["h2", "h3", "bold", "italic", "ol", "ul", "link", "document-link"]


class ImageChooserBlock(WagtailImageChooserBlock):
    """Wagtail's image chooser, fetching the images of a whole StreamField
    with their renditions in two queries, however many images it holds."""

    def bulk_to_python(self, values):
        images = self.model_class.objects.prefetch_renditions().in_bulk(
            [value for value in values if value is not None]
        )
        return [images.get(value) for value in values]


class HeadingBlock(blocks.StructBlock):
    """A section heading; level 2 or 3 so the page outline stays valid."""

    text = blocks.CharBlock(label=_("heading"), max_length=120)
    level = blocks.ChoiceBlock(
        choices=[("h2", _("Level 2")), ("h3", _("Level 3"))],
        default="h2",
        label=_("level"),
        translatable=False,
    )

    class Meta:
        icon = "title"
        template = "blocks/heading_block.html"
        label = _("Heading")
        preview_value = {"text": "Conoce tus derechos", "level": "h2"}
        description = _("A heading that starts a new section of the page.")


class CaptionedImageBlock(blocks.StructBlock):
    """An image with the alternative text this use of it needs, and an optional
    caption. The alt text is required: people with screen readers on a phone
    are part of the audience."""

    image = ImageChooserBlock(label=_("image"))
    alt_text = blocks.CharBlock(
        label=_("alternative text"),
        max_length=250,
        help_text=_(
            "Describe what the image shows for people who cannot see it. Required."
        ),
    )
    caption = blocks.CharBlock(label=_("caption"), required=False, max_length=250)

    class Meta:
        icon = "image"
        template = "blocks/captioned_image_block.html"
        label = _("Image")
        description = _("An image with its alternative text and a caption.")


class QuoteBlock(blocks.StructBlock):
    """A short quotation with who said it."""

    quote = blocks.TextBlock(label=_("quote"))
    attribution = blocks.CharBlock(label=_("attribution"), required=False)

    class Meta:
        icon = "openquote"
        template = "blocks/quote_block.html"
        label = _("Quote")
        preview_value = {
            "quote": "Nadie deja su casa si su casa no lo expulsa.",
            "attribution": "Voluntaria de una casa del migrante",
        }
        description = _("A quotation set apart from the text.")


class LinkValue(blocks.StructValue):
    """The value of a :class:`LinkTargetBlock`, with the address to link to:
    the page in the reader's language when it is translated."""

    localized_page = None

    @property
    def href(self) -> str:
        page = self.get("page")
        if page is None:
            return self.get("url") or ""
        if self.localized_page is None:
            (self.localized_page,) = in_visitor_language(
                [page], select_related=("locale",)
            )
        return self.localized_page.url or ""


def prepare_links(stream_value) -> None:
    """Localize every page link inside a StreamField value in one query, so
    a body with many calls to action costs no more than one with a single
    one. Page types call it from ``get_context`` for their StreamFields."""
    links = [value for value in _walk(stream_value) if isinstance(value, LinkValue)]
    pages = in_visitor_language(
        [link.get("page") for link in links], select_related=("locale",)
    )
    for link, page in zip(links, pages, strict=True):
        link.localized_page = page


def _walk(value):
    """Every StructValue nested in a StreamField value."""
    if isinstance(value, StreamValue):
        for child in value:
            yield from _walk(child.value)
    elif isinstance(value, blocks.StructValue):
        yield value
        for child in value.values():
            yield from _walk(child)
    elif isinstance(value, ListValue | list | tuple):
        for child in value:
            yield from _walk(child)


class LinkTargetBlock(blocks.StructBlock):
    """Either a page of the site or a web address; the page wins when both are
    given. Shared by every block that links somewhere."""

    page = blocks.PageChooserBlock(label=_("page"), required=False)
    url = blocks.URLBlock(label=_("or web address"), required=False)

    def clean(self, value):
        value = super().clean(value)
        if not value.get("page") and not value.get("url"):
            raise StructBlockValidationError(
                block_errors={
                    "page": ValidationError(_("Choose a page or enter a web address."))
                }
            )
        return value

    class Meta:
        icon = "link"
        label = _("Link")
        value_class = LinkValue


class CallToActionBlock(blocks.StructBlock):
    """A highlighted box that asks the reader to do one thing."""

    heading = blocks.CharBlock(label=_("heading"), max_length=120)
    text = blocks.TextBlock(label=_("text"), required=False)
    button_label = blocks.CharBlock(
        label=_("button label"),
        max_length=60,
        help_text=_("Start with a verb: “Buscar ayuda”, “Inscribirme”."),
    )
    link = LinkTargetBlock(label=_("link"))

    class Meta:
        icon = "pick"
        template = "blocks/call_to_action_block.html"
        label = _("Call to action")
        description = _("A box with a heading, a sentence and one button.")


VIDEO_HOSTS = {
    "www.youtube.com": "youtube",
    "youtube.com": "youtube",
    "m.youtube.com": "youtube",
    "youtu.be": "youtube",
    "vimeo.com": "vimeo",
    "www.vimeo.com": "vimeo",
    "player.vimeo.com": "vimeo",
}


def video_player_url(url: str) -> str | None:
    """The privacy-friendly player address for a YouTube or Vimeo link, or None
    when the link is not a video we know how to embed."""
    parts = urlsplit(url)
    provider = VIDEO_HOSTS.get(parts.netloc.lower())
    path = parts.path.strip("/").split("/")
    video_id = ""
    if provider == "youtube":
        if parts.netloc.lower() == "youtu.be":
            video_id = path[0]
        elif path[0] == "watch":
            video_id = parse_qs(parts.query).get("v", [""])[0]
        elif path[0] in {"embed", "shorts", "live"} and len(path) > 1:
            video_id = path[1]
        if video_id.replace("-", "").replace("_", "").isalnum():
            return f"https://www.youtube-nocookie.com/embed/{video_id}"
    elif provider == "vimeo":
        video_id = path[-1]
        if video_id.isdigit():
            return f"https://player.vimeo.com/video/{video_id}?dnt=1"
    return None


class VideoURLBlock(blocks.URLBlock):
    """A YouTube or Vimeo address, checked when the editor saves."""

    def clean(self, value):
        value = super().clean(value)
        if value and video_player_url(value) is None:
            raise ValidationError(
                _("Enter the address of a YouTube or Vimeo video."),
                code="invalid_video",
            )
        return value


class VideoValue(blocks.StructValue):
    """A video block's value, with the player address and the host's name."""

    @property
    def player_url(self) -> str:
        return video_player_url(self.get("url") or "") or ""

    @property
    def host(self) -> str:
        provider = VIDEO_HOSTS.get(urlsplit(self.get("url") or "").netloc.lower())
        return {"youtube": "YouTube", "vimeo": "Vimeo"}.get(provider, "")


class VideoEmbedBlock(blocks.StructBlock):
    """A video that loads only when the reader asks for it. Until then nothing
    is requested from the video host: the page shows the title, a link to the
    video and, with JavaScript, a button that inserts the player."""

    url = VideoURLBlock(
        label=_("video address"),
        help_text=_("A YouTube or Vimeo link."),
    )
    title = blocks.CharBlock(label=_("title"), max_length=150)
    description = blocks.TextBlock(label=_("description or transcript"), required=False)

    class Meta:
        icon = "media"
        template = "blocks/video_embed_block.html"
        label = _("Video")
        description = _(
            "A video from YouTube or Vimeo, loaded only after the reader clicks."
        )
        value_class = VideoValue


class DocumentLinkBlock(blocks.StructBlock):
    """A link to a downloadable document, with its format and size shown so a
    reader on prepaid data knows what the download costs."""

    document = DocumentChooserBlock(label=_("document"))
    label = blocks.CharBlock(
        label=_("link text"),
        required=False,
        help_text=_("Leave blank to use the document's title."),
    )

    class Meta:
        icon = "doc-full"
        template = "blocks/document_link_block.html"
        label = _("Document")
        description = _("A download link showing the file's format and size.")

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context=parent_context)
        context.update(document_details(value["document"]))
        return context


def document_details(document) -> dict:
    """Format (file extension) and human-readable size of a Wagtail document.
    The size is read from the stored ``file_size`` so no file is opened."""
    if document is None:
        return {"document_format": "", "document_size": ""}
    size = document.file_size
    return {
        "document_format": (document.file_extension or "").upper(),
        "document_size": filesizeformat(size) if size else "",
    }


class AccordionItemBlock(blocks.StructBlock):
    """One question and its answer."""

    question = blocks.CharBlock(label=_("question"), max_length=200)
    answer = blocks.RichTextBlock(label=_("answer"), features=RICH_TEXT_FEATURES)

    class Meta:
        icon = "help"
        label = _("Question")


class AccordionBlock(blocks.StructBlock):
    """Questions and answers that open one by one; built on ``<details>`` so
    they work without JavaScript and with the keyboard."""

    heading = blocks.CharBlock(label=_("heading"), required=False, max_length=120)
    items = blocks.ListBlock(AccordionItemBlock(), label=_("questions"), min_num=1)

    class Meta:
        icon = "list-ul"
        template = "blocks/accordion_block.html"
        label = _("Questions and answers")
        description = _("Frequently asked questions that expand when tapped.")


class BaseStreamBlock(blocks.StreamBlock):
    """The body blocks every content page offers."""

    heading = HeadingBlock()
    paragraph = blocks.RichTextBlock(
        label=_("Text"),
        icon="pilcrow",
        features=RICH_TEXT_FEATURES,
        template="blocks/paragraph_block.html",
    )
    image = CaptionedImageBlock()
    quote = QuoteBlock()
    call_to_action = CallToActionBlock()
    video = VideoEmbedBlock()
    document = DocumentLinkBlock()
    accordion = AccordionBlock()


class FeaturedCardBlock(blocks.StructBlock):
    """A card on the home page pointing to a page of the site."""

    page = blocks.PageChooserBlock(label=_("page"))
    title = blocks.CharBlock(
        label=_("title"),
        required=False,
        help_text=_("Leave blank to use the page's title."),
    )
    text = blocks.TextBlock(label=_("text"), required=False, max_length=240)
    image = ImageChooserBlock(label=_("image"), required=False)

    class Meta:
        icon = "doc-empty-inverse"
        template = "blocks/featured_card_block.html"
        label = _("Featured page")
