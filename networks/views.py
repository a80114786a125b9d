"""Public views: thin wrappers around :class:`~networks.models.Volunteer`.

Pages holding personal data (confirmation, code of conduct) are never cached
and never indexed; every link into them is signed. The volunteer's own data
is shown, downloaded and deleted by the site's "my data" pages
(:mod:`convivir.privacy`).
"""

from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods

from convivir.common.languages import in_visitor_language
from convivir.common.links import LinkError, link_problem
from convivir.forms import RATE_LIMITED, SPAM, VALID, handle_public_form
from convivir.privacy.links import data_link_token
from convivir.ratelimit import RateLimit
from networks import conf
from networks.forms import ResendConfirmationForm, VolunteerSignupForm
from networks.models import Volunteer, VolunteerIndexPage, VolunteeringSettings

LINK_ERRORS = {"expired", "invalid", "used"}


def _signup_rate_limit() -> RateLimit:
    return RateLimit("volunteer-signup", limit=conf.signup_rate_limit())


RESEND_RATE_LIMIT = RateLimit("volunteer-resend", limit=5)


def _privacy_notice():
    """The privacy notice page in the visitor's language, and its version."""
    setting = VolunteeringSettings.load()
    page = None
    if setting.privacy_notice_page_id:
        (page,) = in_visitor_language([setting.privacy_notice_page])
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
            "volunteer_page": VolunteerIndexPage.for_visitor(),
        },
        status=status,
    )


@never_cache
def signup_sent(request):
    return render(
        request,
        "networks/signup_sent.html",
        {
            "valid_days": conf.confirmation_days(),
            "resend_form": ResendConfirmationForm(),
            "again": bool(request.GET.get("again")),
        },
    )


@never_cache
@require_http_methods(["GET", "POST"])
def resend_confirmation(request):
    """Ask for the confirmation e-mail again. The answer is the "check your
    e-mail" page whether or not the address has a sign-up waiting."""
    form = ResendConfirmationForm(request.POST if request.method == "POST" else None)
    status = 200
    if request.method == "POST":
        outcome = handle_public_form(request, form, RESEND_RATE_LIMIT)
        if outcome == RATE_LIMITED:
            status = 429
        elif outcome in (VALID, SPAM):
            if outcome == VALID:
                Volunteer.resend_confirmation(form.cleaned_data["email"])
            return redirect(f"{reverse('networks:signup_sent')}?again=1")
        else:
            status = 400
    return render(
        request, "networks/resend_confirmation.html", {"form": form}, status=status
    )


# What a volunteer can do about a link that does not work.
LINK_ADVICE = {
    "expired": [
        gettext_lazy(
            "Links in our e-mails only work for a few days, to protect your data."
        ),
        gettext_lazy(
            "To confirm a sign-up, sign up again with the same e-mail address: we "
            "will send you a new link."
        ),
    ],
    "used": gettext_lazy(
        "Your sign-up is already confirmed. There is nothing more to do: a "
        "coordinator will contact you."
    ),
    "invalid": [
        gettext_lazy("The link may be incomplete, or a newer e-mail replaced it."),
        gettext_lazy(
            "Copy the whole link from the most recent e-mail we sent you, or sign "
            "up again to get a new one."
        ),
    ],
}


def _link_problem(request, reason: str):
    return link_problem(
        request,
        reason,
        advice=LINK_ADVICE,
        links=[
            (_("Go to the sign-up form"), reverse("networks:signup")),
            (_("Get a link to your data"), reverse("privacy:request_link")),
        ],
    )


@never_cache
@require_http_methods(["GET", "POST"])
def confirm(request, token):
    """GET shows a button, POST confirms: mail scanners that open links
    must not confirm a sign-up on the person's behalf."""
    try:
        volunteer = Volunteer.from_confirmation_token(token)
    except LinkError as error:
        return _link_problem(request, error.reason)
    if request.method == "POST":
        try:
            confirmed = volunteer.confirm()
        except LinkError as error:
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
    except LinkError as error:
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
            "volunteer_page": VolunteerIndexPage.for_visitor(),
            "accepted_now": accepted_now,
        },
    )


@never_cache
def old_data_link(request, token, then="my_data"):
    """A "my data" link from an e-mail sent before the self-service moved to
    the core: it leads to a new link for the same address, on the page that
    shows what every part of the site holds under it."""
    try:
        email = Volunteer.email_from_data_token(token)
    except LinkError as error:
        return _link_problem(request, error.reason)
    return redirect(f"privacy:{then}", token=data_link_token(email))
