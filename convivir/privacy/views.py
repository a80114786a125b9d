"""The "my data" pages: ask for a link, see everything held under the
address, download it as JSON, delete it.

Asking for a link answers the same whatever the address (unknown, or known
to any app): only the address's owner learns, by e-mail, that something is
held. Pages behind a link are never cached nor indexed.
"""

import json

from django.core.serializers.json import DjangoJSONEncoder
from django.db import transaction
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_POST

from convivir.common.links import LinkError, link_problem
from convivir.common.validators import normalize_email
from convivir.forms import RATE_LIMITED, SPAM, VALID, handle_public_form
from convivir.notifications import send_notification
from convivir.privacy import personal_data
from convivir.privacy.display import display_held
from convivir.privacy.forms import DataLinkForm, DeleteDataForm
from convivir.privacy.links import (
    data_link_url,
    email_for_token,
    link_days,
)
from convivir.ratelimit import RateLimit

LINK_RATE_LIMIT = RateLimit("data-link", limit=5)


@never_cache
@require_http_methods(["GET", "POST"])
def request_link(request):
    """Send a "my data" link to an address, if anything is held under it;
    the visitor sees the same page either way."""
    form = DataLinkForm(request.POST if request.method == "POST" else None)
    status = 200
    if request.method == "POST":
        outcome = handle_public_form(request, form, LINK_RATE_LIMIT)
        if outcome == SPAM:
            return redirect("privacy:link_sent")
        if outcome == RATE_LIMITED:
            status = 429
        elif outcome == VALID:
            email = normalize_email(form.cleaned_data["email"])
            with transaction.atomic():
                if personal_data.holds(email):
                    language = translation.get_language()
                    send_notification(
                        to=email,
                        template="convivir/email/data_link",
                        context={
                            "data_url": data_link_url(email, language),
                            "valid_days": link_days(),
                        },
                        language=language,
                    )
            return redirect("privacy:link_sent")
    return render(
        request, "convivir/privacy/request_link.html", {"form": form}, status=status
    )


@never_cache
def link_sent(request):
    return render(request, "convivir/privacy/link_sent.html", {"form": DataLinkForm()})


def _email_or_problem(request, token):
    try:
        return email_for_token(token), None
    except LinkError as error:
        return None, link_problem(
            request,
            error,
            links=[(_("Get a new link to your data"), reverse("privacy:request_link"))],
        )


def _my_data_page(request, email, token, form, status=200):
    return render(
        request,
        "convivir/privacy/my_data.html",
        {
            "email": email,
            "sections": display_held(personal_data.held(email)),
            "token": token,
            "delete_form": form,
        },
        status=status,
    )


@never_cache
def my_data(request, token):
    """Everything held under the address, app by app, with what deleting
    means for each, the download and the delete button."""
    email, problem = _email_or_problem(request, token)
    if problem:
        return problem
    return _my_data_page(request, email, token, DeleteDataForm())


@never_cache
def download(request, token):
    """Everything held under the address, as JSON (audit-logged)."""
    email, problem = _email_or_problem(request, token)
    if problem:
        return problem
    with transaction.atomic():
        data = personal_data.export(email)
    response = HttpResponse(
        json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False, indent=2),
        content_type="application/json; charset=utf-8",
    )
    # Not the address: the name stays in a shared phone's downloads.
    filename = f"convivir-mis-datos-{timezone.localdate():%Y-%m-%d}.json"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


@never_cache
@require_POST
def delete(request, token):
    """Delete or anonymise everything under the address, in every app."""
    email, problem = _email_or_problem(request, token)
    if problem:
        return problem
    form = DeleteDataForm(request.POST)
    if not form.is_valid():
        return _my_data_page(request, email, token, form, status=400)
    personal_data.erase(email)
    return redirect("privacy:deleted")


def deleted(request):
    return render(request, "convivir/privacy/deleted.html")
