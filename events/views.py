"""Public Django views, under the language prefix (:mod:`events.urls`): the
iCal feeds and registration (form, confirmation, cancel, resend). The
calendar's own pages are routes of the calendar page
(:mod:`events.listings`).

Pages holding a registration are never cached and never indexed; links to
them are signed.
"""

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
from events.filters import EventFilter
from events.forms import RegistrationForm, ResendForm
from events.ical import build_calendar, google_calendar_url, occurrence_calendar
from events.listings import rows_for
from events.models import (
    CANCEL_LINK,
    CONFIRMATION_LINK,
    PAGE_RELATED,
    EventIndexPage,
    Occurrence,
    Registration,
    RegistrationError,
)

FEED_LIMIT = 500
RESEND_RATE_LIMIT = RateLimit("event-resend", limit=5)


def _registration_rate_limit() -> RateLimit:
    return RateLimit("event-registration", limit=conf.registration_rate_limit())


# --- iCal --------------------------------------------------------------------------


def calendar_ics(request):
    """The iCal feed of the upcoming occurrences matching the filters (the
    same query string as the calendar page)."""
    listing = EventFilter(request.GET, Occurrence.objects.listed().upcoming())
    rows = rows_for(listing.results.order_by("start", "pk")[:FEED_LIMIT])
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
    # Asked again: the same form, for when this e-mail does not arrive either.
    email = form.cleaned_data["email"] if outcome != SPAM else ""
    context["resend_form"] = ResendForm(initial={"email": email})
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
        resend_form=ResendForm(initial={"email": registration.email})
        if registration.email
        else None,
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
