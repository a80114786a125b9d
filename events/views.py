"""Public views: the calendar (upcoming list, month grid, archive, iCal
feed) and registration (form, confirmation, cancel, resend).

Every listing costs the same number of queries however many events there
are: occurrences come with their event, venue and category in one query,
then the events in the visitor's language in one more. Pages holding a
registration are never cached and never indexed; links to them are signed.
"""

import calendar
from datetime import date, timedelta

from django.core.paginator import Paginator
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_POST

from convivir.common.languages import in_visitor_language
from convivir.common.links import LinkError, link_problem
from convivir.forms import INVALID, RATE_LIMITED, SPAM, handle_public_form
from convivir.ratelimit import RateLimit
from events import conf
from events.forms import EventFilterForm, RegistrationForm, ResendForm
from events.ical import build_calendar, google_calendar_url, occurrence_calendar
from events.models import (
    CANCEL_LINK,
    CONFIRMATION_LINK,
    PAGE_RELATED,
    EventIndexPage,
    Occurrence,
    Registration,
    RegistrationError,
)

# Events shown in a day's cell of the month grid; the rest are a link.
DAY_LIMIT = 3
FEED_LIMIT = 500
GRID_FIELDS = [
    "start",
    "end",
    "all_day",
    "page__title",
    "page__url_path",
    "page__translation_key",
    "page__locale_id",
]
RESEND_RATE_LIMIT = RateLimit("event-resend", limit=5)


def _registration_rate_limit() -> RateLimit:
    return RateLimit("event-registration", limit=conf.registration_rate_limit())


# --- Listing helpers --------------------------------------------------------------


def rows_for(occurrences, request=None, details=True) -> list[dict]:
    """Each occurrence with its event in the visitor's language, the event's
    address and (with ``details``) its venue and category translated: a
    fixed number of queries for any number of occurrences."""
    occurrences = list(occurrences)
    pages = in_visitor_language(
        [o.page for o in occurrences], select_related=PAGE_RELATED
    )
    if details:
        venues = in_visitor_language([page.venue for page in pages])
        categories = in_visitor_language([page.category for page in pages])
    else:
        venues = categories = [None] * len(pages)
    return [
        {
            "occurrence": occurrence,
            "event": page,
            "url": page.get_url(request),
            "venue": venue,
            "category": category,
        }
        for occurrence, page, venue, category in zip(
            occurrences, pages, venues, categories, strict=True
        )
    ]


def _listing(page, request, occurrences, template, extra=None, status=200):
    form = EventFilterForm(request.GET)
    occurrences = form.apply(occurrences)
    paginator = Paginator(occurrences, conf.per_page())
    page_obj = paginator.get_page(request.GET.get("page"))
    context = {
        "filter_form": form,
        "page_obj": page_obj,
        "rows": rows_for(page_obj.object_list, request),
        "query": form.querystring(),
        "feed_url": _feed_url(form),
        **_nav(page),
        **(extra or {}),
    }
    response = page.render(request, template=template, context_overrides=context)
    response.status_code = status
    return response


def _feed_url(form) -> str:
    query = form.querystring()
    return reverse("events:calendar_ics") + (f"?{query}" if query else "")


def _nav(page) -> dict:
    base = page.url or ""
    return {
        "list_url": base,
        "month_url": base + "calendario/",
        "archive_url": base + "archivo/",
    }


def upcoming(page, request):
    """The upcoming occurrences, soonest first, with the filters."""
    return _listing(
        page,
        request,
        Occurrence.objects.listed().upcoming().with_seats().order_by("start", "pk"),
        "events/event_index_page.html",
        {"view": "upcoming"},
    )


def archive(page, request):
    """Past occurrences, latest first."""
    return _listing(
        page,
        request,
        Occurrence.objects.listed().past().order_by("-start", "-pk"),
        "events/event_archive.html",
        {"view": "archive"},
    )


def month(page, request, year=None, month=None):
    """The month grid: a table of weeks (Monday first) with each day's
    occurrences. An occurrence shows on every local day it covers; an
    impossible month is answered with a message and status 400."""
    today = timezone.localdate()
    if year is None or month is None:
        year, month = today.year, today.month
    form = EventFilterForm(request.GET)
    if not (1 <= month <= 12 and 1 <= year <= 9998):
        context = {
            "filter_form": form,
            "invalid_month": True,
            "weeks": [],
            "view": "month",
            **_nav(page),
        }
        response = page.render(
            request, template="events/event_month.html", context_overrides=context
        )
        response.status_code = 400
        return response

    weeks = calendar.Calendar(firstweekday=0).monthdatescalendar(year, month)
    first, last = weeks[0][0], weeks[-1][-1]
    # A busy month holds thousands of dates: only what the grid shows is
    # loaded (title and address of each event, no venue or category).
    occurrences = (
        form.apply(Occurrence.objects.listed())
        .between(first, last)
        .select_related(None)
        .select_related("page")
        .only(*GRID_FIELDS)
        .order_by("start", "pk")
    )
    occurrences = list(occurrences)
    by_day: dict[date, list] = {}
    for occurrence in occurrences:
        for day in occurrence.days():
            if first <= day <= last:
                by_day.setdefault(day, []).append(occurrence)
    # Titles and addresses only for what the cells show.
    shown = {o.pk: o for day in by_day.values() for o in day[:DAY_LIMIT]}
    rows = {
        row["occurrence"].pk: row
        for row in rows_for(shown.values(), request, details=False)
    }
    nav = _nav(page)
    grid = [
        [
            {
                "date": day,
                "in_month": day.month == month,
                "is_today": day == today,
                "rows": [rows[o.pk] for o in by_day.get(day, [])[:DAY_LIMIT]],
                "more": max(len(by_day.get(day, [])) - DAY_LIMIT, 0),
                "day_url": (nav["list_url"] if day >= today else nav["archive_url"])
                + "?"
                + form.querystring(**{"from": day.isoformat(), "to": day.isoformat()}),
            }
            for day in week
        ]
        for week in weeks
    ]
    previous = date(year, month, 1) - timedelta(days=1)
    following = date(year, month, 28) + timedelta(days=7)
    query = form.querystring()
    suffix = f"?{query}" if query else ""
    context = {
        "filter_form": form,
        "weeks": grid,
        "month_start": date(year, month, 1),
        "weekdays": [date(2024, 1, day) for day in range(1, 8)],  # Monday first
        "previous_url": f"{nav['month_url']}{previous.year}/{previous.month}/{suffix}",
        "next_url": f"{nav['month_url']}{following.year}/{following.month}/{suffix}",
        "total": len(occurrences),
        "feed_url": _feed_url(form),
        "view": "month",
        **nav,
    }
    return page.render(
        request, template="events/event_month.html", context_overrides=context
    )


def calendar_ics(request):
    """The iCal feed of the upcoming occurrences matching the filters (the
    same query string as the calendar page)."""
    form = EventFilterForm(request.GET)
    occurrences = form.apply(Occurrence.objects.listed().upcoming()).order_by(
        "start", "pk"
    )[:FEED_LIMIT]
    rows = rows_for(occurrences)
    index = EventIndexPage.for_visitor()
    body = build_calendar(
        [(row["occurrence"], row["event"], row["venue"]) for row in rows],
        name=f"Convivir · {index.title}" if index else "Convivir",
    )
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = 'inline; filename="convivir-eventos.ics"'
    return response


def _listed_occurrence(pk: int):
    """A date of a live, public event (canonical row) with its seats; 404
    for anything else."""
    occurrence = Occurrence.objects.listed().with_seats().filter(pk=pk).first()
    if occurrence is None:
        raise Http404
    return occurrence


def occurrence_ics(request, pk):
    """One occurrence as an ``.ics`` file, in the visitor's language."""
    occurrence = _listed_occurrence(pk)
    (page,) = in_visitor_language([occurrence.page], select_related=PAGE_RELATED)
    response = HttpResponse(
        occurrence_calendar(occurrence, page),
        content_type="text/calendar; charset=utf-8",
    )
    response["Content-Disposition"] = f'attachment; filename="evento-{pk}.ics"'
    return response


# --- Registration -----------------------------------------------------------------


def _event_context(occurrence) -> dict:
    (page,) = in_visitor_language([occurrence.page], select_related=PAGE_RELATED)
    (venue,) = in_visitor_language([page.venue])
    return {
        "occurrence": occurrence,
        "event": page,
        "venue": venue,
        "google_url": google_calendar_url(occurrence, page, venue),
        "calendar_page": EventIndexPage.for_visitor(),
    }


def _not_open_message(state: str) -> str:
    return {
        "not_enabled": _("Registration is not needed for this event: just come."),
        "past": _("This date has already started or passed: registration is closed."),
        "not_yet": _("Registration for this date is not open yet."),
        "closed": _("Registration for this date is closed."),
    }.get(state, _("Registration for this date is closed."))


@never_cache
@require_http_methods(["GET", "POST"])
def register(request, pk):
    """The registration form of one occurrence. A valid registration is
    saved (seats or waiting list) and e-mailed in one transaction; the
    person then lands on their confirmation page."""
    occurrence = _listed_occurrence(pk)
    context = _event_context(occurrence)
    state = occurrence.registration_state()
    if state != "open":
        context["closed_message"] = _not_open_message(state)
        return render(
            request,
            "events/register.html",
            context,
            status=400 if request.method == "POST" else 200,
        )
    form = RegistrationForm(
        request.POST if request.method == "POST" else None, occurrence=occurrence
    )
    status = 200
    if request.method == "POST":
        outcome = handle_public_form(request, form, _registration_rate_limit())
        if outcome == SPAM:
            return redirect(context["event"].url or "/")
        if outcome == RATE_LIMITED:
            status = 429
        elif outcome != INVALID:
            data = form.cleaned_data
            try:
                registration = Registration.register(
                    occurrence.pk,
                    name=data["name"],
                    email=data["email"],
                    phone=data["phone"],
                    seats=data["seats"],
                    accessibility_needs=data["accessibility_needs"],
                    language=data["language"],
                )
            except RegistrationError as error:
                status = _registration_problem(form, error, state, context)
            else:
                return redirect(
                    "events:confirmation", registration.confirmation_token()
                )
    context["form"] = form
    return render(request, "events/register.html", context, status=status)


def _registration_problem(form, error, state, context) -> int:
    """Put a refused registration's reason on the form; the status code."""
    if error.reason == "duplicate" and error.field == "phone":
        form.add_error(
            "phone",
            _(
                "This phone number is already registered for this date. Your "
                "registration code is on the page you saw when you registered; "
                "at the door, staff can also find you by this number."
            ),
        )
        return 200
    if error.reason == "duplicate":
        email = form.cleaned_data["email"]
        form.add_error(
            "email",
            _(
                "This e-mail address is already registered for this date. "
                "We can send you the confirmation again."
            ),
        )
        context["resend_form"] = ResendForm(initial={"email": email})
        return 200
    if error.reason == "full":
        form.add_error(
            None, _("Sorry, this date is full and there is no waiting list.")
        )
        return 409
    if error.reason == "too_many_seats":
        form.add_error("seats", _("Too many seats for one registration."))
        return 400
    context["closed_message"] = _not_open_message(state)
    return 400


@never_cache
@require_POST
def resend(request, pk):
    """Send the confirmation again to an address registered for this
    occurrence. The answer is the same whether or not it is registered."""
    occurrence = _listed_occurrence(pk)
    form = ResendForm(request.POST)
    outcome = handle_public_form(request, form, RESEND_RATE_LIMIT)
    context = _event_context(occurrence)
    if outcome in (INVALID, RATE_LIMITED):
        context["resend_form"] = form
        context["form"] = RegistrationForm(occurrence=occurrence)
        return render(
            request,
            "events/register.html",
            context,
            status=429 if outcome == RATE_LIMITED else 400,
        )
    if outcome != SPAM:
        registration = (
            occurrence.registrations.active()
            .filter(email=form.cleaned_data["email"].strip().lower())
            .first()
        )
        if registration is not None:
            registration.send("confirmation")
    return render(request, "events/resent.html", context)


# What a registrant can do about a link that does not work.
LINK_ADVICE = {
    "expired": gettext_lazy(
        "Links in our e-mails stop working some time after the event, to protect "
        "your data."
    ),
    "past": gettext_lazy("A registration can only be cancelled before the event ends."),
    "invalid": gettext_lazy(
        "The link may be incomplete. Copy the whole link from the e-mail we sent "
        "you, or ask the organisers with your registration code."
    ),
}


def _link_problem(request, reason: str):
    return link_problem(request, reason, advice=LINK_ADVICE)


@never_cache
def confirmation(request, token):
    """What the person registered for: their status (and place on the
    waiting list), their code, the .ics and the cancel link. Phone-only
    registrants keep this page (or its code) instead of an e-mail."""
    try:
        registration = Registration.from_token(token, CONFIRMATION_LINK)
    except LinkError as error:
        return _link_problem(request, error.reason)
    occurrence = registration.occurrence
    context = _event_context(occurrence)
    context.update(
        registration=registration,
        waiting_place=registration.waiting_place(),
        cancel_url=reverse("events:cancel", args=[registration.cancel_token()]),
    )
    return render(request, "events/confirmation.html", context)


@never_cache
@require_http_methods(["GET", "POST"])
def cancel(request, token):
    """GET shows what will be cancelled and a button; POST cancels (mail
    scanners that open links must not cancel on the person's behalf)."""
    try:
        registration = Registration.from_token(token, CANCEL_LINK)
    except LinkError as error:
        return _link_problem(request, error.reason)
    context = _event_context(registration.occurrence)
    context["registration"] = registration
    if registration.status == Registration.Status.CANCELLED:
        context["already_cancelled"] = True
        return render(request, "events/cancelled.html", context)
    if registration.occurrence.end < timezone.now():
        return _link_problem(request, "past")
    if request.method == "POST":
        try:
            registration.cancel()
        except RegistrationError:
            context["already_cancelled"] = True
        return render(request, "events/cancelled.html", context)
    return render(request, "events/cancel.html", context)
