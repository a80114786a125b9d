"""Public views of the pledge: sign, check your e-mail, confirm. Pages that
hold personal data or signed links are never cached nor indexed."""

from django.shortcuts import get_object_or_404, redirect, render
from django.utils import translation
from django.utils.translation import gettext_lazy as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods

from campaigns import conf
from campaigns.forms import PledgeForm
from campaigns.models import CampaignPage, Pledge
from convivir.common.languages import in_visitor_language
from convivir.common.links import LinkError, link_problem
from convivir.forms import INVALID, RATE_LIMITED, SPAM, handle_public_form
from convivir.ratelimit import RateLimit
from convivir.site_facts import public


def _rate_limit() -> RateLimit:
    return RateLimit("campaign-pledge", limit=conf.pledge_rate_limit())


def _campaign(page_id: int) -> CampaignPage:
    campaign = get_object_or_404(
        public(CampaignPage.objects.live()), pk=page_id, pledge_enabled=True
    )
    (localized,) = in_visitor_language([campaign])
    return localized.specific if localized.pk != campaign.pk else campaign


@never_cache
@require_http_methods(["GET", "POST"])
def pledge(request, page_id: int):
    """The pledge form (also shown on the campaign page, which posts here).
    A valid pledge is saved and its confirmation e-mail queued in one
    transaction. The answer is the same whether the address is new, has a
    pending pledge or a confirmed one: only the e-mail, which reaches the
    address's owner, differs (a new link, or a note that it is counted)."""
    campaign = _campaign(page_id)
    form = PledgeForm(request.POST if request.method == "POST" else None)
    status = 200
    if request.method == "POST":
        outcome = handle_public_form(request, form, _rate_limit())
        if outcome == SPAM:
            return redirect("campaigns:pledge_sent", page_id=campaign.pk)
        if outcome == RATE_LIMITED:
            status = 429
        elif outcome != INVALID:
            Pledge.sign(
                campaign=campaign,
                language=translation.get_language(),
                **form.pledge_data(),
            )
            return redirect("campaigns:pledge_sent", page_id=campaign.pk)
    return render(
        request,
        "campaigns/pledge.html",
        {"campaign": campaign, "form": form},
        status=status,
    )


@never_cache
def pledge_sent(request, page_id: int):
    """ "Check your e-mail", in words that fit every case."""
    campaign = _campaign(page_id)
    return render(
        request,
        "campaigns/pledge_sent.html",
        {"campaign": campaign, "valid_days": conf.confirmation_days()},
    )


# What a pledge's signer can do about a link that does not work.
LINK_ADVICE = {
    "expired": [
        _("Links in our e-mails only work for a few days, to protect your data."),
        _(
            "Sign the pledge again with the same e-mail address: we will send "
            "you a new link."
        ),
    ],
    "used": _(
        "Your pledge is already confirmed and counted. There is nothing more to do."
    ),
    "invalid": [
        _("The link may be incomplete, or a newer e-mail replaced it."),
        _(
            "Copy the whole link from the most recent e-mail we sent you, or "
            "sign the pledge again to get a new one."
        ),
    ],
}


@never_cache
@require_http_methods(["GET", "POST"])
def confirm_pledge(request, token: str):
    """GET shows a button, POST confirms: mail scanners that open links
    must not confirm a pledge on the person's behalf."""
    try:
        pledge = Pledge.from_confirmation_token(token)
    except LinkError as error:
        return link_problem(request, error, advice=LINK_ADVICE)
    (campaign,) = in_visitor_language([pledge.campaign])
    campaign = campaign.specific
    if request.method == "POST":
        try:
            pledge.confirm()
        except LinkError as error:
            return link_problem(request, error, advice=LINK_ADVICE)
        return render(
            request,
            "campaigns/pledge_confirmed.html",
            {"campaign": campaign, "pledge_count": campaign.confirmed_pledges()},
        )
    return render(
        request, "campaigns/pledge_confirm.html", {"campaign": campaign, "token": token}
    )
