"""Public views of the directory, served by the directory page's routes
(each is given the page, and never imports its class). They read entries
only through ``Service.objects.public()`` and give templates places only
through :meth:`Location.public_place` (for a confidential location: its
town and state alone). Addresses come from the page's routes
(:meth:`DirectoryIndexPage.route_url`)."""

from django.db import transaction
from django.db.models import prefetch_related_objects
from django.http import Http404, StreamingHttpResponse
from django.shortcuts import redirect
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _
from django.views.decorators.cache import never_cache

from convivir import pagecache
from convivir.common.links import LinkError, link_problem
from convivir.forms import INVALID, RATE_LIMITED, SPAM, handle_public_form
from convivir.offline import keep_offline
from convivir.places import directions_url
from convivir.ratelimit import RateLimit
from directory import conf, mapping
from directory.filters import DirectorySearch
from directory.forms import ProposalForm, StatusForm, WrongInformationForm
from directory.jsonld import service_jsonld
from directory.models.organizations import Location, Organization
from directory.models.reports import WrongInformationReport
from directory.models.services import STATUS_LINK, VERIFY_LINK, Service
from directory.models.taxonomy import offers_quick_exit


def _render(request, page, template, context, status=200):
    response = page.render(request, template=template, context_overrides=context)
    response.status_code = status
    return pagecache.depends_on(response, "directory")


def _rows(services) -> list[dict]:
    """What a service row shows, computed once per service: its name in the
    page's language, the live status only where it means something."""
    now = timezone.now()
    rows = []
    for service in services:
        places = [location.public_place() for location in service.locations()]
        rows.append(
            {
                "service": service,
                "name": service.text("name"),
                "live_status": service.shows_live_status(),
                "places": places,
                "open_now": service.is_open_at(now),
                "towns": service.towns(),
                "types": list(service.service_types.all()),
                "phone": service.call_phone(),
                "whatsapp": service.whatsapp_phone(),
                "directions": next(
                    filter(None, (directions_url(place) for place in places)), ""
                ),
                "distance_km": getattr(service, "distance_km", None),
            }
        )
    return rows


def directory_index(request, page):
    """Search: the visitor's words, filters, near a town or the phone."""
    listing = DirectorySearch(request.GET)
    stops = [
        {"town": stop["town"], "rows": _rows(stop["services"])}
        for stop in listing.stops()
    ]
    # Along a route the towns' lists stand in for the plain results.
    services = [] if stops else listing.services()
    rows = _rows(services)
    shown = [row for stop in stops for row in stop["rows"]] or rows
    offered = mapping.offer(shown, _service_url(request, page))
    response = _render(
        request,
        page,
        "directory/directory_index_page.html",
        {
            "filter": listing,
            "results": listing.results,
            "page_obj": listing.results.page_obj(services),
            "rows": rows,
            "nearest_towns": [] if services or stops else listing.nearest_towns(),
            "stops": stops,
            "map": offered,
            "quick_exit": _quick_exit(
                [row["service"] for row in shown], listing=listing
            ),
        },
    )
    return mapping.allow_tiles(response, offered)


def _quick_exit(services, listing=None) -> bool:
    """A page showing, or searching for, services about violence,
    trafficking… offers the quick exit (the terms are prefetched)."""
    terms = [
        term
        for service in services
        for term in (*service.service_types.all(), *service.populations.all())
    ]
    return offers_quick_exit(terms + (listing.chosen_terms() if listing else []))


def _service_url(request, page):
    """Service page addresses for a listing, the page's own read once."""
    base = page.get_url(request)
    return lambda slug: page.route_url("service", base=base, slug=slug)


class BeingRechecked(Http404):
    """The entry is published but hidden until someone verifies it again."""

    def __init__(self, service):
        super().__init__(service.slug)
        self.service = service


def _public_service(slug):
    """The public entry at ``slug``. Raises :class:`BeingRechecked` for an
    entry hidden for lack of verification, ``Http404`` otherwise."""
    service = (
        Service.objects.public()
        .for_listing()
        .prefetch_related("contacts", "required_documents")
        .filter(slug=slug)
        .first()
    )
    if service is not None:
        return service
    hidden = Service.objects.being_rechecked().for_listing().filter(slug=slug).first()
    if hidden is not None:
        raise BeingRechecked(hidden)
    raise Http404


def _rechecking(request, page, service):
    """404, with what a visitor may still use: the entry's name, its towns
    (never more of a place, confidential or not) and a phone to call."""
    towns = {
        (place["municipality"], place["state_name"])
        for place in (location.public_place() for location in service.locations())
    }
    return _render(
        request,
        page,
        "directory/rechecking.html",
        {
            "service": service,
            "name": service.text("name"),
            "towns": [f"{town}, {state}" for town, state in sorted(towns)],
            "phone": service.call_phone(),
        },
        status=404,
    )


def service_detail(request, page, slug, form=None, status=200):
    try:
        service = _public_service(slug)
    except BeingRechecked as hidden:
        return _rechecking(request, page, hidden.service)
    (row,) = _rows([service])
    schedules = sorted(service.schedules.all(), key=lambda s: (s.weekday, s.opens_at))
    response = _render(
        request,
        page,
        "directory/service.html",
        {
            "service": service,
            "row": row,
            "texts": service.texts(),
            "places": row["places"],
            "schedules": schedules,
            # HSDS describes a whole schedule; a file may repeat it on each day.
            "schedule_descriptions": list(
                dict.fromkeys(s.description for s in schedules if s.description)
            ),
            "stale": service.is_stale(),
            "jsonld": service_jsonld(
                service, page.route_url("service", request, full=True, slug=slug)
            ),
            "report_form": form or WrongInformationForm(),
            "report_url": page.route_url("report", request, slug=slug),
            "stale_after_days": conf.stale_after_days(),
            "quick_exit": _quick_exit([service]),
        },
        status=status,
    )
    # Kept for offline use as the page reads (not with a form's errors).
    return keep_offline(response) if status == 200 and form is None else response


def _report_rate_limit() -> RateLimit:
    return RateLimit("directory-report", limit=conf.report_rate_limit())


@never_cache
def report_wrong_information(request, page, slug):
    """POST from the service page's form: store the report and e-mail the
    editors in one transaction; GET goes back to the service page."""
    try:
        service = _public_service(slug)
    except BeingRechecked as hidden:
        return _rechecking(request, page, hidden.service)
    service_url = page.route_url("service", request, slug=service.slug)
    if request.method != "POST":
        return redirect(service_url)
    form = WrongInformationForm(request.POST)
    outcome = handle_public_form(request, form, _report_rate_limit())
    if outcome in (INVALID, RATE_LIMITED):
        status = 429 if outcome == RATE_LIMITED else 200
        return service_detail(request, page, slug, form=form, status=status)
    if outcome != SPAM:
        with transaction.atomic():
            report = form.save(commit=False)
            report.service = service
            report.language = translation.get_language()
            report.save()
            report.notify_editors()
    return redirect(f"{service_url}?reportado=1#report")


def organization_detail(request, page, slug):
    organization = Organization.objects.filter(slug=slug).first()
    if organization is None:
        raise Http404
    services = list(
        Service.objects.public()
        .filter(organization=organization)
        .for_listing()
        .order_by("name")
    )
    if not services:
        raise Http404
    return _render(
        request,
        page,
        "directory/organization.html",
        {
            "organization": organization,
            "rows": _rows(services),
            "quick_exit": _quick_exit(services),
        },
    )


def _town(slug):
    location = (
        Location.objects.filter(town=slug).only("municipality", "state", "town").first()
    )
    if location is None:
        raise Http404
    return location


def town_detail(request, page, slug):
    town = _town(slug)
    listing = DirectorySearch(request.GET, town=slug)
    if not listing.results.total and not listing.is_filtered:
        raise Http404
    services = listing.services()
    rows = _rows(services)
    service_url = _service_url(request, page)
    offered = mapping.offer(rows, service_url)
    response = _render(
        request,
        page,
        "directory/town.html",
        {
            "town": town,
            "filter": listing,
            "page_obj": listing.results.page_obj(services),
            "rows": rows,
            "map": offered,
            "quick_exit": _quick_exit(services, listing=listing),
            "offline_urls": _town_offline_urls(request, page, slug, service_url),
        },
    )
    return keep_offline(mapping.allow_tiles(response, offered))


# A town kept for offline use: its page, its sheet and up to this many
# service pages.
OFFLINE_SERVICES = 100


def _town_offline_urls(request, page, slug, service_url) -> list[str]:
    """The addresses a visitor keeps with "Keep this town for offline":
    the town's page, its sheet and its services' pages."""
    slugs = (
        Service.objects.public()
        .in_town(slug)
        .order_by("name")
        .values_list("slug", flat=True)[:OFFLINE_SERVICES]
    )
    return [
        page.route_url("town", request, slug=slug),
        page.route_url("town_sheet", request, slug=slug),
        *map(service_url, slugs),
    ]


# The printable sheet is sent in parts: its head, then the services this
# many at a time (each part in a fixed number of queries), then its foot.
SHEET_PART = 200
SHEET_ROWS = mark_safe("<!-- directory-sheet-rows -->")


def town_sheet(request, page, slug):
    """Every service of a town on A4, to print and post on a wall; sent as
    it is written, so a town of thousands starts printing at once."""
    town = _town(slug)
    services = Service.objects.public().in_town(slug).for_listing().order_by("name")
    if not services.exists():
        raise Http404
    frame = _render(
        request,
        page,
        "directory/town_sheet.html",
        {
            "town": town,
            "rows": SHEET_ROWS,
            "printed_on": timezone.localdate(),
            "sheet_url": page.route_url("town_sheet", request, full=True, slug=slug),
        },
    ).render()
    head, _, foot = frame.content.decode().partition(SHEET_ROWS)
    language = translation.get_language()

    def parts():
        yield head
        with translation.override(language):
            chunk = []
            for service in services.iterator(chunk_size=SHEET_PART):
                chunk.append(service)
                if len(chunk) == SHEET_PART:
                    yield _sheet_rows(request, chunk)
                    chunk = []
            if chunk:
                yield _sheet_rows(request, chunk)
        yield foot

    response = StreamingHttpResponse(parts(), content_type=frame["Content-Type"])
    for header in ("Content-Language", "Vary"):
        if header in frame:
            response[header] = frame[header]
    return keep_offline(response)


def _sheet_rows(request, services) -> str:
    return render_to_string(
        "directory/includes/sheet_rows.html", {"rows": _rows(services)}, request
    )


# What a service's staff can do about a link that does not work.
LINK_ADVICE = {
    "expired": _(
        "The link has expired. The next monthly e-mail will bring a new one; if "
        "you need it sooner, write to the directory's editors."
    ),
    "invalid": _(
        "The link is incomplete or no longer valid. Copy the whole link from the "
        "e-mail, or write to the directory's editors."
    ),
}


def _link_problem(request, page, reason):
    return link_problem(request, reason, advice=LINK_ADVICE)


def _contact_rate_limit() -> RateLimit:
    return RateLimit("directory-service-link", limit=30)


@never_cache
def verify_entry(request, page, token):
    """The page a service's contact reaches from the monthly e-mail: confirm
    the entry as it is (sets the last verification) or propose changes
    (a report for the editors). GET never changes anything."""
    try:
        service, payload = Service.from_token(token, VERIFY_LINK)
    except LinkError as error:
        return _link_problem(request, page, error.reason)
    contact = service.contacts.filter(pk=payload.get("c")).first()
    if contact is None:
        return _link_problem(request, page, "invalid")
    form = ProposalForm()
    done = ""
    if request.method == "POST":
        if request.POST.get("action") == "confirm":
            service.mark_verified(name=contact.name)
            done = "confirmed"
        else:
            form = ProposalForm(request.POST)
            outcome = handle_public_form(request, form, _contact_rate_limit())
            if outcome == RATE_LIMITED:
                status = 429
                return _render(
                    request,
                    page,
                    "directory/verify.html",
                    {"service": service, "form": form, "contact": contact},
                    status=status,
                )
            if outcome not in (INVALID, SPAM):
                with transaction.atomic():
                    report = WrongInformationReport.objects.create(
                        service=service,
                        what_is_wrong=form.cleaned_data["changes"],
                        contact=f"{contact.name} <{contact.email}>",
                        language=translation.get_language(),
                    )
                    report.notify_editors()
                done = "proposed"
    return _render(
        request,
        page,
        "directory/verify.html",
        {"service": service, "form": form, "contact": contact, "done": done},
    )


@never_cache
def update_status(request, page, token):
    """A shelter's staff set today's status from a phone, without logging
    in: space available, full or temporarily closed. (Any service may say
    it is temporarily closed; the rest is shown only for shelters.)"""
    try:
        service, _payload = Service.from_token(token, STATUS_LINK)
    except LinkError as error:
        return _link_problem(request, page, error.reason)
    prefetch_related_objects([service], "service_types")
    context = {
        "service": service,
        "name": service.text("name"),
        "form": StatusForm(initial={"status": service.status}),
    }
    if request.method == "POST":
        context["form"] = form = StatusForm(request.POST)
        outcome = handle_public_form(request, form, _contact_rate_limit())
        if outcome == RATE_LIMITED:
            return _render(request, page, "directory/status.html", context, status=429)
        if outcome not in (INVALID, SPAM):
            service.set_status(form.cleaned_data["status"], via="link")
            context["updated"] = True
    return _render(request, page, "directory/status.html", context)
