"""``{{ occurrence|when }}``: when a date takes place, written as everywhere
else (:func:`events.when.occurrence_when`)."""

from django import template

from events.when import occurrence_when

register = template.Library()


@register.filter
def when(occurrence) -> str:
    return occurrence_when(occurrence)
