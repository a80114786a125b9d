"""The site-wide search page."""

from django.shortcuts import render
from django.utils import translation

from convivir.common.inputs import query_text
from search.site import search_site


def site_search(request):
    text = query_text(request.GET.get("q"))
    groups = search_site(text, translation.get_language()) if text else []
    return render(
        request,
        "search/results.html",
        {"text": text[:200], "groups": groups, "searched": bool(text)},
    )
