"""``{% directory_url %}``: the address of the directory page in the
language being shown, for pages outside the directory (the 404 page)."""

from django import template

from directory.public_urls import directory_page

register = template.Library()


@register.simple_tag(takes_context=True)
def directory_url(context) -> str:
    """The live directory page's address, or "" when there is none."""
    page = directory_page()
    return page.get_url(context.get("request")) if page else ""
