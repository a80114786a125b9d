"""Public views: thin wrappers around :class:`~networks.models.Volunteer`.

Pages holding personal data (confirmation, code of conduct, "my data") are
never cached and never indexed; every link into them is signed.
"""

import json

from django.conf import settings
from django.db import transaction
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import translation
from django.utils.text import slugify
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods

from convivir.forms import RATE_LIMITED, SPAM, VALID, handle_public_form
from convivir.i18n import localized_pages
from convivir.notifications import send_notification
from convivir.ratelimit import RateLimit
from networks import conf
from networks.forms import DataLinkForm, DeleteDataForm, VolunteerSignupForm
from networks.models import (
    Volunteer,
    VolunteerIndexPage,
    VolunteeringSettings,
    normalize_email,
)

LINK_ERRORS = {"expired", "invalid", "used"}


def _signup_rate_limit() -> RateLimit:
    return RateLimit("volunteer-signup", limit=conf.signup_rate_limit())


DATA_LINK_RATE_LIMIT = RateLimit("volunteer-data-link", limit=5)


def _privacy_notice():
    """The privacy notice page in the visitor's language, and its version."""
    setting = VolunteeringSettings.load()
    page = None
    if setting.privacy_notice_page_id:
        (page,) = localized_pages([setting.privacy_notice_page])
    return page, setting.privacy_notice_version


@never_cache
@require_http_methods(["GET", "POST"])
def signup(request):
    """The sign-up form. A valid sign-up is saved and its confirmation
    e-mail queued in one transaction; the visitor then sees the same "check
    your e-mail" page whatever happened (new, updated, already confirmed)."""
    privacy_page, privacy_version = _privacy_notice()
    status = 200
    if request.method == "POST":
        form = VolunteerSignupForm(request.POST)
        outcome = handle_public_form(request, form, _signup_rate_limit())
        if outcome == SPAM:
            return redirect("networks:signup_sent")
        if outcome == RATE_LIMITED:
            status = 429
        elif outcome == VALID:
            Volunteer.sign_up(
                language=translation.get_language(),
                privacy_notice_version=privacy_version,
                **form.signup_data(),
            )
            return redirect("networks:signup_sent")
    else:
        form = VolunteerSignupForm(
            initial_interest=VolunteerSignupForm.interest_from_query(request.GET)
        )
    return render(
        request,
        "networks/signup.html",
        {
            "form": form,
            "privacy_page": privacy_page,
            "volunteer_page": VolunteerIndexPage.for_active_locale(),
        },
        status=status,
    )


def signup_sent(request):
    return render(
        request,
        "networks/signup_sent.html",
        {"valid_days": conf.confirmation_days()},
    )


def _link_problem(request, reason: str, status=400):
    return render(
        request, "networks/link_problem.html", {"reason": reason}, status=status
    )


@never_cache
@require_http_methods(["GET", "POST"])
def confirm(request, token):
    """GET shows a button, POST confirms: mail scanners that open links
    must not confirm a sign-up on the person's behalf."""
    try:
        volunteer = Volunteer.from_confirmation_token(token)
    except Volunteer.LinkError as error:
        return _link_problem(request, error.reason)
    if request.method == "POST":
        try:
            confirmed = volunteer.confirm()
        except Volunteer.LinkError as error:
            return _link_problem(request, error.reason)
        return render(
            request,
            "networks/confirmed.html",
            {"count": len(confirmed), "networks": Volunteer.networks_text(confirmed)},
        )
    together = volunteer.signed_up_together()
    return render(
        request,
        "networks/confirm.html",
        {
            "volunteer": volunteer,
            "count": len(together),
            "networks": Volunteer.networks_text(together),
        },
    )


@never_cache
@require_http_methods(["GET", "POST"])
def conduct(request, token):
    """The code of conduct, accepted by the volunteer through their link."""
    try:
        volunteer = Volunteer.from_conduct_token(token)
    except Volunteer.LinkError as error:
        return _link_problem(request, error.reason)
    accepted_now = False
    if request.method == "POST" and not volunteer.conduct_accepted_at:
        volunteer.accept_code_of_conduct()
        accepted_now = True
    return render(
        request,
        "networks/conduct.html",
        {
            "volunteer": volunteer,
            "volunteer_page": VolunteerIndexPage.for_active_locale(),
            "accepted_now": accepted_now,
        },
    )


@never_cache
@require_http_methods(["GET", "POST"])
def request_data_link(request):
    """Send a fresh "my data" link to an address, if anyone signed up with
    it; the answer is the same either way."""
    form = DataLinkForm(request.POST if request.method == "POST" else None)
    status = 200
    if request.method == "POST":
        outcome = handle_public_form(request, form, DATA_LINK_RATE_LIMIT)
        if outcome == SPAM:
            return redirect("networks:data_link_sent")
        if outcome == RATE_LIMITED:
            status = 429
        elif outcome == VALID:
            email = normalize_email(form.cleaned_data["email"])
            volunteer = Volunteer.objects.with_email(email).first()
            if volunteer is not None:
                with transaction.atomic():
                    send_notification(
                        to=email,
                        template="networks/email/data_link",
                        context={
                            "data_url": settings.BASE_URL
                            + reverse(
                                "networks:my_data", args=[Volunteer.data_token(email)]
                            ),
                            "valid_days": conf.link_days(),
                        },
                        language=translation.get_language(),
                    )
            return redirect("networks:data_link_sent")
    return render(
        request, "networks/request_data_link.html", {"form": form}, status=status
    )


def data_link_sent(request):
    return render(request, "networks/data_link_sent.html")


def _email_or_problem(request, token):
    try:
        return Volunteer.email_from_data_token(token), None
    except Volunteer.LinkError as error:
        return None, _link_problem(request, error.reason)


@never_cache
def my_data(request, token):
    """What is stored about the person, with download and delete buttons."""
    email, problem = _email_or_problem(request, token)
    if problem:
        return problem
    volunteers = list(
        Volunteer.objects.with_email(email)
        .select_related("network", "opportunity")
        .prefetch_related("notes")
        .order_by("created_at")
    )
    return render(
        request,
        "networks/my_data.html",
        {
            "email": email,
            "volunteers": volunteers,
            "token": token,
            "delete_form": DeleteDataForm(),
        },
    )


@never_cache
def download_data(request, token):
    """Everything stored about the person, as JSON (audit-logged)."""
    email, problem = _email_or_problem(request, token)
    if problem:
        return problem
    with transaction.atomic():
        data = Volunteer.export_for_email(email)
    response = HttpResponse(
        json.dumps(data, ensure_ascii=False, indent=2),
        content_type="application/json; charset=utf-8",
    )
    filename = f"convivir-{slugify(email.split('@')[0]) or 'datos'}.json"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


@never_cache
@require_http_methods(["POST"])
def delete_data(request, token):
    """Delete every sign-up under the person's address (audit-logged)."""
    email, problem = _email_or_problem(request, token)
    if problem:
        return problem
    form = DeleteDataForm(request.POST)
    if not form.is_valid():
        volunteers = list(
            Volunteer.objects.with_email(email).select_related("network", "opportunity")
        )
        return render(
            request,
            "networks/my_data.html",
            {
                "email": email,
                "volunteers": volunteers,
                "token": token,
                "delete_form": form,
            },
            status=400,
        )
    Volunteer.erase_for_email(email)
    return redirect("networks:data_deleted")


def data_deleted(request):
    return render(request, "networks/data_deleted.html")
