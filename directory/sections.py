"""The home page's doors into the directory."""

from directory.models import SERVICE_TYPES, DirectoryIndexPage, Service, TaxonomyTerm

HOME_TYPES = ["shelter", "food", "health", "legal_aid"]


def find_help_section(page, request):
    """Links to the directory by the most asked-for types of help, with how
    many services are listed; None without a directory page."""
    directory = DirectoryIndexPage.for_visitor()
    if directory is None:
        return None
    url = directory.get_url(request)
    terms = {
        term.code: term
        for term in TaxonomyTerm.objects.filter(
            taxonomy__key=SERVICE_TYPES, code__in=HOME_TYPES
        )
    }
    return {
        "url": url,
        "title": directory.title,
        "count": Service.objects.public().count(),
        "types": [
            {"name": terms[code].name, "url": f"{url}?tipo={code}"}
            for code in HOME_TYPES
            if code in terms
        ],
    }
