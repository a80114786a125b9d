"""The pagination bar: a long listing shows a few page numbers, not all."""

import re

from django.core.paginator import Paginator
from django.template.loader import render_to_string
from django.utils import translation


def _bar(number, pages=1000):
    page = Paginator(range(pages * 10), 10).page(number)
    with translation.override("es"):
        return render_to_string(
            "includes/pagination.html", {"page_obj": page, "query": "tipo=shelter"}
        )


def _numbers(html) -> list[str]:
    return re.findall(r"Página </span>(\d+)", html)


def test_a_thousand_pages_show_the_ends_and_the_neighbours_only():
    html = _bar(500)
    assert _numbers(html) == ["1", "498", "499", "500", "501", "502", "1000"]
    assert html.count("…") == 2
    assert 'aria-current="page"><span class="visually-hidden">Página </span>500' in html
    assert "?tipo=shelter&amp;page=501" in html
    assert 'rel="next"' in html and 'rel="prev"' in html
    assert len(html) < 3_000


def test_few_pages_are_all_shown():
    html = _bar(2, pages=5)
    assert _numbers(html) == ["1", "2", "3", "4", "5"]
    assert "…" not in html


def test_the_first_page_elides_only_after_it():
    html = _bar(1)
    assert _numbers(html) == ["1", "2", "3", "1000"]
    assert html.count("…") == 1
    assert 'rel="prev"' not in html
