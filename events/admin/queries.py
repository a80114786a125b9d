"""What staff look up: the dates they manage and registrations by phone."""

from django.db.models import Q

from convivir.common.phones import phone_digits
from events.models import Occurrence


def staff_occurrences():
    """The dates staff manage: the canonical (default-language) rows, with
    their event, latest first."""
    return Occurrence.objects.canonical().select_related("page").order_by("-start")


def phone_search(query: str) -> Q:
    """Registrations whose phone holds the digits of ``query`` however they
    are typed ("962 555 0101" finds "+529625550101"); nothing for a query
    with few digits (a name or a code)."""
    digits = phone_digits(query)
    if len(digits) < 4:
        return Q(pk__in=[])
    return Q(phone__contains=digits)
