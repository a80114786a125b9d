"""Template tags for the site's shared layout: language links, main menu and
footer. Each does a fixed number of queries, whatever the menu holds."""

import re

from django import template
from django.conf import settings
from django.db.models import Prefetch
from django.urls import translate_url
from django.utils import translation
from django.utils.html import escape, format_html
from django.utils.safestring import mark_safe

from wagtail.contrib.routable_page.models import RoutablePageMixin
from wagtail.models import Page, Site

from convivir import pagecache
from convivir.common.languages import in_visitor_language, language_code
from convivir.common.routes import LocalizedRoutablePageMixin
from convivir.models import Footer, FooterLink, MainMenu, MainMenuItem
from convivir.safety import quick_exit_url

register = template.Library()


@register.simple_tag(takes_context=True)
def language_links(context) -> list[dict]:
    """One entry per site language: its code, its own name, and the address
    of this page in that language. On a Wagtail page the address is the
    page's translation, or the language's home page when there is none yet
    (``is_translation`` tells which, for ``hreflang`` alternates). Elsewhere
    the current address is translated by Django."""
    request = context.get("request")
    page = context.get("page")
    current = translation.get_language()
    links = []
    if isinstance(page, Page) and page.pk:
        translations = {
            p.locale.language_code: p
            for p in page.get_translations(inclusive=True)
            .live()
            .select_related("locale")
        }
        missing = [code for code, _ in settings.LANGUAGES if code not in translations]
        homes = _home_pages(request, missing) if missing else {}
        for code, name in settings.LANGUAGES:
            target = translations.get(code) or homes.get(code)
            url = target.get_url(request) if target else None
            full_url = (target.get_full_url(request) or "") if target else ""
            route = _sub_route(request, page, target)
            if url and route and code in translations:
                url += route
                full_url += route
            links.append(
                {
                    "code": code,
                    "name": name,
                    "url": url or f"/{code}/",
                    "full_url": full_url,
                    "is_current": code == current,
                    "is_translation": code in translations and bool(url),
                }
            )
        return links
    path = request.get_full_path() if request else "/"
    for code, name in settings.LANGUAGES:
        url = translate_url(path, code)
        # An address outside the language prefix (a document, a file) has
        # no version per language: offer that language's home page.
        translated = url != path or code == current
        if not translated:
            url = f"/{code}/"
        links.append(
            {
                "code": code,
                "name": name,
                "url": url,
                "full_url": request.build_absolute_uri(url) if request else url,
                "is_current": code == current,
                "is_translation": translated,
            }
        )
    return links


def _sub_route(request, page, target) -> str:
    """On a routable page (the directory's service, organisation and town
    pages, say), the part of the address after the page's own, as the
    translation ``target`` names it: in its own language when its routes are
    localized, else the same path."""
    if request is None or not isinstance(page, RoutablePageMixin):
        return ""
    match = getattr(request, "routable_resolver_match", None)
    if isinstance(target, LocalizedRoutablePageMixin) and match and match.url_name:
        return target.reverse_subpage(
            match.url_name, args=match.args, kwargs=match.kwargs
        )
    own = page.get_url(request) or ""
    if own and request.path.startswith(own) and request.path != own:
        return request.path[len(own) :]
    return ""


def _home_pages(request, codes: list[str]) -> dict[str, Page]:
    """The site's home page in each of ``codes``, where it exists."""
    site = Site.find_for_request(request) if request else None
    if site is None:
        return {}
    return {
        p.locale.language_code: p
        for p in Page.objects.filter(
            translation_key=site.root_page.translation_key,
            locale__language_code__in=codes,
        )
        .live()
        .select_related("locale")
    }


def _with_links(model, relation: str, link_model):
    """The shown language's instance of a one-per-language snippet, with its
    links and their pages prefetched."""
    links = link_model.objects.select_related("link_page__locale")
    return model.for_visitor(model.objects.prefetch_related(Prefetch(relation, links)))


def _links(request, items) -> list[dict]:
    """Menu or footer links: the address (of the page's translation when
    there is one) and the language of a page shown untranslated."""
    items = list(items)
    pages = in_visitor_language(
        [item.link_page for item in items], select_related=("locale",)
    )
    current = translation.get_language()
    links = []
    for item, page in zip(items, pages, strict=True):
        href = (page.get_url(request) if page is not None else item.link_url) or ""
        page_language = page.locale.language_code if page is not None else ""
        links.append(
            {
                "label": item.label,
                "href": href or "#",
                "hreflang": page_language if page_language != current else "",
            }
        )
    return links


def _marked(request, links) -> list[dict]:
    """The links, each marked when it is the current page or a section the
    current page is in."""
    path = request.path if request else ""
    marked = []
    for link in links:
        href = link["href"] if link["href"] != "#" else ""
        # "/es/" is every Spanish page's ancestor: not a section to mark.
        is_section_link = href.startswith("/") and href.strip("/").count("/") >= 1
        marked.append(
            {
                **link,
                "is_current": bool(href) and path == href,
                "is_section": is_section_link and path.startswith(href),
            }
        )
    return marked


def _site_part(request, name: str, build):
    """What ``build()`` gives for the header or footer, kept per site and
    language until content changes (see convivir.pagecache)."""
    host = request.get_host() if request else ""
    return pagecache.kept(f"{name}:{host}:{translation.get_language()}", build)


# The first links of the main menu are the doors shown on every screen (help,
# events, taking part); the rest wait behind the "Menu" button.
DOORS = 3


@register.simple_tag(takes_context=True)
def main_menu(context) -> dict:
    """The header's links in the shown language: ``doors``, the first three,
    always in view; ``more``, the rest, behind the menu button."""
    request = context.get("request")

    def build():
        menu = _with_links(MainMenu, "items", MainMenuItem)
        if menu is None:
            return {"links": [], "lang": ""}
        return {
            "links": _links(request, menu.items.all()),
            "lang": _fallback_lang(menu),
        }

    part = _site_part(request, "menu", build)
    links = _marked(request, part["links"])
    return {"doors": links[:DOORS], "more": links[DOORS:], "lang": part["lang"]}


@register.inclusion_tag("includes/quick_exit.html")
def quick_exit():
    """The "Quick exit" bar, on pages about violence, trafficking, safety."""
    return {"url": quick_exit_url()}


PHONE_NUMBER = re.compile(r"(?<![\d+])(\d{3}(?:[ -]?\d{2,4})*)(?!\d)")


@register.filter
def call_links(text: str) -> str:
    """The text, escaped, with each phone number ("911", "800 715 2000") a
    call link."""
    parts = PHONE_NUMBER.split(str(text))
    return mark_safe(  # noqa: S308 - every part is escaped
        "".join(
            format_html('<a href="tel:{}">{}</a>', re.sub(r"\D", "", part), part)
            if index % 2
            else escape(part)
            for index, part in enumerate(parts)
        )
    )


@register.inclusion_tag("includes/site_footer.html", takes_context=True)
def site_footer(context):
    """The footer's contact text and links in the shown language."""
    request = context.get("request")

    def build():
        footer = _with_links(Footer, "links", FooterLink)
        if footer is None:
            return {"footer": None, "links": []}
        return {
            "footer": {
                "contact": footer.contact,
                "emergency_line": footer.emergency_line,
            },
            "links": _links(request, footer.links.all()),
            "lang": _fallback_lang(footer),
        }

    return _site_part(request, "footer", build)


def _fallback_lang(snippet) -> str:
    """The snippet's language when it is shown in place of a missing
    translation (so screen readers switch voice), else ""."""
    code = language_code(snippet.locale_id)
    return code if code != translation.get_language() else ""


@register.inclusion_tag("includes/breadcrumbs.html")
def breadcrumbs(page, current: str = ""):
    """The trail from the home page to ``page`` (the pages its address
    was routed through, else one query). With ``current``, ``page`` is a
    link and ``current`` names where the visitor is below it (a route of
    the page, a form)."""
    if page is None or not getattr(page, "pk", None):
        return {"crumbs": []}
    ancestors = getattr(page, "route_ancestors", None)
    if ancestors is None:
        ancestors = page.get_ancestors()
    crumbs = [
        {"page": ancestor, "home": ancestor.depth == 2}
        for ancestor in ancestors
        if ancestor.depth >= 2
    ]
    if current:
        crumbs.append({"page": page, "home": page.depth == 2})
    return {"crumbs": crumbs, "current": current or page.title}


@register.simple_tag
def page_numbers(page_obj) -> list:
    """The page numbers a pagination bar shows: the first and last, and two
    either side of the current one, with ``None`` where numbers are left out
    (a directory of 20,000 entries has 1,000 pages)."""
    paginator = page_obj.paginator
    return [
        None if number == paginator.ELLIPSIS else number
        for number in paginator.get_elided_page_range(
            page_obj.number, on_each_side=2, on_ends=1
        )
    ]
