"""Every public page type of the demo site, in Spanish and English, as the
test client renders it: what the HTML and share-tag tests read."""

from dataclasses import dataclass

from django.test import override_settings
from django.urls import reverse
from django.utils import timezone, translation

from wagtail.models import Page

from campaigns.models import CampaignPage, Pledge
from convivir.privacy.links import data_link_token
from directory.models import DirectoryIndexPage, Location, Service
from events.models import EventIndexPage, EventPage, Occurrence, Registration
from networks.models import Volunteer

LANGUAGES = ("es", "en")
# Forms shown again with their errors after an empty POST.
FORMS = ("event-register", "pledge", "signup", "my-data-request", "service-report")
# Addresses only posted to (a GET leads elsewhere).
POST_ONLY = ("service-report",)
# Pages that answer with an error status on purpose.
ERROR_PAGES = {"not-found": 404, "link-problem": 400}


@dataclass(frozen=True)
class Rendered:
    name: str
    language: str
    url: str
    status: int
    html: str


def _first(queryset, language):
    return queryset.filter(locale__language_code=language).live().first()


def _page_urls(language: str) -> dict[str, str]:
    """One page of each page type (content type) in ``language``."""
    urls = {}
    pages = (
        Page.objects.filter(locale__language_code=language, depth__gte=2)
        .live()
        .public()
        .select_related("content_type")
        .order_by("path")
    )
    for page in pages:
        urls.setdefault(page.content_type.model, page.url)
    return urls


def confidential_service():
    return (
        Service.objects.public()
        .filter(service_at_locations__location__is_confidential=True)
        .first()
    )


def _directory_urls(language: str) -> dict[str, str]:
    directory = _first(DirectoryIndexPage.objects, language)
    service = (
        Service.objects.public()
        .exclude(service_at_locations__location__is_confidential=True)
        .first()
    )
    town = (
        Location.objects.filter(is_confidential=False)
        .values_list("town", flat=True)
        .first()
    )
    return {
        "directory-search": directory.url + "?q=albergue",
        "directory-page-2": directory.url + "?page=2",
        "service": directory.route_url("service", slug=service.slug),
        "service-confidential": directory.route_url(
            "service", slug=confidential_service().slug
        ),
        "service-report": directory.route_url("report", slug=service.slug),
        "service-reported": directory.route_url("service", slug=service.slug)
        + "?reportado=1",
        "organization": directory.route_url(
            "organization", slug=service.organization.slug
        ),
        "town": directory.route_url("town", slug=town),
        "town-sheet": directory.route_url("town_sheet", slug=town),
    }


def _event_urls(language: str) -> dict[str, str]:
    calendar = _first(EventIndexPage.objects, language)
    open_occurrence = next(
        occurrence
        for occurrence in Occurrence.objects.listed().upcoming().with_seats()
        if occurrence.registration_state() == "open"
    )
    registration = (
        Registration.objects.filter(occurrence__end__gt=timezone.now())
        .exclude(status=Registration.Status.CANCELLED)
        .first()
    )
    event = _first(EventPage.objects.filter(image__isnull=False), language)
    return {
        "event-month": calendar.url + calendar.reverse_subpage("this_month"),
        "event-archive": calendar.url + calendar.reverse_subpage("archive"),
        "event-with-image": event.url if event else "",
        "event-register": reverse("events:register", args=[open_occurrence.pk]),
        "event-registered": reverse(
            "events:confirmation", args=[registration.confirmation_token()]
        ),
        "event-cancel": reverse("events:cancel", args=[registration.cancel_token()]),
    }


def _link_urls(language: str) -> dict[str, str]:
    """The pages reached from the links in the site's e-mails."""
    email = Registration.objects.exclude(email="").values_list("email", flat=True)[0]
    pending = Volunteer.objects.pending().first()
    volunteer = Volunteer.objects.confirmed().first()
    pledge = Pledge.objects.pending().first()
    campaign = _first(CampaignPage.objects.filter(pledge_enabled=True), language)
    return {
        "pledge": reverse("campaigns:pledge", args=[campaign.pk]),
        "pledge-sent": reverse("campaigns:pledge_sent", args=[campaign.pk]),
        "pledge-confirm": reverse(
            "campaigns:confirm_pledge", args=[pledge.confirmation_token()]
        )
        if pledge
        else "",
        "signup": reverse("networks:signup"),
        "signup-sent": reverse("networks:signup_sent"),
        "signup-confirm": reverse(
            "networks:confirm", args=[pending.confirmation_token()]
        )
        if pending
        else "",
        "conduct": reverse("networks:conduct", args=[volunteer.conduct_token()])
        if volunteer
        else "",
        "my-data-request": reverse("privacy:request_link"),
        "my-data-sent": reverse("privacy:link_sent"),
        "my-data": reverse("privacy:my_data", args=[data_link_token(email)]),
        "my-data-deleted": reverse("privacy:deleted"),
        "link-problem": reverse("privacy:my_data", args=["not-a-token"]),
    }


def public_urls(language: str) -> dict[str, str]:
    """Every public page type's address in ``language``, by name."""
    with translation.override(language):
        urls = {
            **_page_urls(language),
            **_directory_urls(language),
            **_event_urls(language),
            **_link_urls(language),
            "search": reverse("search:site") + "?q=salud",
            "search-empty": reverse("search:site"),
            "offline": reverse("offline:page"),
            "not-found": f"/{language}/no-existe/",
        }
    return {name: url for name, url in urls.items() if url}


@override_settings(DEBUG=False)  # the demo is loaded with DEBUG on
def render_all(client) -> list[Rendered]:
    """Every public page type in both languages, and the forms' error states,
    as visitors get them (the site's 404 page, not Django's debug page)."""
    rendered = []
    for language in LANGUAGES:
        for name, url in public_urls(language).items():
            if name not in POST_ONLY:
                response = client.get(url, HTTP_ACCEPT_LANGUAGE=language)
                rendered.append(
                    Rendered(
                        name,
                        language,
                        url,
                        response.status_code,
                        response.getvalue().decode(),
                    )
                )
            if name in FORMS:
                response = client.post(url, {}, HTTP_ACCEPT_LANGUAGE=language)
                rendered.append(
                    Rendered(
                        f"{name}-errors",
                        language,
                        url,
                        response.status_code,
                        response.getvalue().decode(),
                    )
                )
    return rendered
