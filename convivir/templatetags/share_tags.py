"""The head's share tags: ``{% capture %}`` (a block's text, said once and
used twice, as the title and description are) and ``{% share_meta %}``
(canonical link, Open Graph and Twitter card; see :mod:`convivir.share`)."""

from django import template
from django.conf import settings
from django.utils import translation
from django.utils.safestring import mark_safe

from wagtail.models import Page

from convivir import share

register = template.Library()


class CaptureNode(template.Node):
    def __init__(self, nodelist, name):
        self.nodelist = nodelist
        self.name = name

    def render(self, context):
        # Rendered by the template engine, so already escaped.
        context[self.name] = mark_safe(self.nodelist.render(context).strip())  # noqa: S308
        return ""


@register.tag
def capture(parser, token):
    """``{% capture as name %}…{% endcapture %}``: renders what it holds
    (blocks a child template fills included) into ``name``, printing
    nothing."""
    bits = token.split_contents()
    if len(bits) != 3 or bits[1] != "as":
        raise template.TemplateSyntaxError("Usage: {% capture as name %}")
    nodelist = parser.parse(("endcapture",))
    parser.delete_first_token()
    return CaptureNode(nodelist, bits[2])


@register.simple_tag
def page_summary(page) -> str:
    return share.page_summary(page if isinstance(page, Page) else None)


@register.inclusion_tag("includes/share_meta.html", takes_context=True)
def share_meta(context, title, description, url="", kind=""):
    """The share tags of the page being shown. ``title`` and ``description``
    as the head says them; ``url`` (a path or an absolute address) instead
    of the page's canonical address; ``kind`` instead of its Open Graph
    type."""
    request = context.get("request")
    page = context.get("page")
    if not isinstance(page, Page):
        page = None
    root = share.root_url(request)
    if not url:
        url = share.canonical_path(request) if request is not None else "/"
    url = share.absolute(root, url)
    language = translation.get_language() or settings.LANGUAGE_CODE
    alternates = [
        share.OG_LOCALES[link["code"]]
        for link in context.get("language_links") or ()
        if link["is_translation"]
        and link["code"] != language
        and link["code"] in share.OG_LOCALES
    ]
    return {
        "title": title,
        "description": description,
        "url": url,
        "kind": kind or getattr(page, "share_type", "website"),
        "locale": share.OG_LOCALES.get(language, share.OG_LOCALES["es"]),
        "alternates": alternates,
        "site_name": settings.WAGTAIL_SITE_NAME,
        "image": share.share_image(page, root),
    }
