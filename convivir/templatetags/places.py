"""Template filters for places already passed through the one whitelist
(:func:`convivir.places.public_place`)."""

from django import template

from convivir import places

register = template.Library()


@register.filter
def directions_url(facts: dict) -> str:
    """The maps link of a public place; empty for a confidential one."""
    return places.directions_url(facts)


@register.filter
def one_line(facts: dict) -> str:
    """Name, street, town and state as far as they are public."""
    return places.one_line(facts)
