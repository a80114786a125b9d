"""What a link to a page shows when it is shared: the canonical address,
Open Graph and Twitter card tags (``includes/share_meta.html``, in every
page's head through ``base.html``).

A page model may offer, all optional:

- ``share_image()``: a rendition of its own image at :data:`SHARE_IMAGE_SPEC`
  (:func:`share_rendition`), else ``None``; ``share_image_alt``: its text;
- ``share_type``: the Open Graph type, "website" by default ("article" for
  campaigns and content pages).

Without an image, every page shares :data:`DEFAULT_IMAGE`. Nothing here
reads a place: a confidential location's address never reaches these tags.
"""

from urllib.parse import urlencode, urljoin

from django.conf import settings
from django.templatetags.static import static
from django.utils.html import strip_tags
from django.utils.text import Truncator

from wagtail.models import Site

from convivir.common.inputs import whole_number

# Open Graph's recommended size for link previews.
SHARE_IMAGE_SPEC = "fill-1200x630-c100|format-jpeg|jpegquality-80"
# The site's own share image (site/static/images/share.png), for every page
# without an image of its own.
DEFAULT_IMAGE = "images/share.png"
DEFAULT_IMAGE_SIZE = (1200, 630)
# Open Graph names the language and the country.
OG_LOCALES = {"es": "es_MX", "en": "en_US"}
# Query parameters added by newsletters and social networks to count clicks:
# never part of a page's address.
TRACKING_PREFIXES = ("utm_", "mc_", "_ga", "_hs")
TRACKING_NAMES = frozenset({"fbclid", "gclid", "dclid", "msclkid", "igshid", "ref"})
SUMMARY_CHARS = 200


def share_rendition(image):
    """``image`` cropped for link previews, or ``None`` without one."""
    return image.get_rendition(SHARE_IMAGE_SPEC) if image is not None else None


def root_url(request) -> str:
    """The site's address (``https://host``): the Wagtail site's, as page
    addresses use, else ``BASE_URL``."""
    site = Site.find_for_request(request) if request is not None else None
    return (site.root_url if site else "") or settings.BASE_URL


def absolute(root: str, url: str) -> str:
    """``url`` (a path, or already absolute) on the site at ``root``."""
    return urljoin(root.rstrip("/") + "/", url)


def _is_tracking(name: str) -> bool:
    return name.startswith(TRACKING_PREFIXES) or name in TRACKING_NAMES


def canonical_path(request) -> str:
    """The page's own address, without its query string but for the page
    number of a listing.

    A filtered or searched listing (any parameter other than ``page``, say
    ``?tema=escuela`` or ``?q=albergue``) names the unfiltered listing: its
    filters are countless and all show entries the listing has, so search
    engines should keep one address. An unfiltered listing keeps ``?page=N``
    (N > 1): those pages hold different entries. Tracking parameters are
    dropped first, and so is a signed link's token (``?t=…``), which belongs
    to one person. A token in the path (``/mis-datos/<token>/``) is never
    repeated either: such a page names the language's home page."""
    match = getattr(request, "resolver_match", None)
    if match is not None and "token" in match.kwargs:
        return "/" + request.path.lstrip("/").split("/", 1)[0] + "/"
    params = {
        name: request.GET.getlist(name)
        for name in request.GET
        if not _is_tracking(name)
    }
    pages = params.get("page", [])
    number = whole_number(pages[0]) if len(pages) == 1 else None
    if list(params) == ["page"] and number is not None and number > 1:
        return f"{request.path}?{urlencode({'page': number})}"
    return request.path


def page_summary(page) -> str:
    """A page's own description: its search description, else its summary,
    else the start of its introduction; empty when it has none."""
    if page is None:
        return ""
    for name in ("search_description", "summary", "intro"):
        text = strip_tags(str(getattr(page, name, "") or "")).strip()
        if text:
            return Truncator(" ".join(text.split())).chars(SUMMARY_CHARS)
    return ""


def share_image(page, root: str) -> dict:
    """The preview image's absolute address, size and text: the page's own
    image when it has one, else the site's."""
    rendition = None
    get_image = getattr(page, "share_image", None)
    if callable(get_image):
        rendition = get_image()
    if rendition is not None:
        return {
            "url": absolute(root, rendition.url),
            "width": rendition.width,
            "height": rendition.height,
            "alt": getattr(page, "share_image_alt", "") or "",
            "own": True,
        }
    width, height = DEFAULT_IMAGE_SIZE
    return {
        "url": absolute(root, static(DEFAULT_IMAGE)),
        "width": width,
        "height": height,
        "alt": "",
        "own": False,
    }
