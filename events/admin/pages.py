"""What the page editor is told or refused about dates that have
registrations: a booked date an edit left out was kept (say so), and an
event with registrations cannot be deleted (its registrations and the
counts kept for reports would go with it)."""

import re

from django.contrib import messages
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from wagtail.models import Page

from events.booked import kept_after_edit
from events.models import EventPage, Registration

SUBMITTED_DATE = re.compile(r"^occurrences-\d+-id$")


def say_which_booked_dates_were_kept(request, page):
    """A form without a booked date (opened before it was added, or a
    revert to an older version) kept it: tell the editor."""
    if not isinstance(page, EventPage) or request.method != "POST":
        return
    submitted = [
        value for key, value in request.POST.items() if SUBMITTED_DATE.match(key)
    ]
    kept = kept_after_edit(page, submitted)
    if kept:
        dates = ", ".join(f"{row.local_start:%Y-%m-%d %H:%M}" for row in kept)
        messages.warning(
            request,
            ngettext(
                "This date has registrations, so it was kept on the page: "
                "%(dates)s. If it is cancelled, close its registration and "
                "tell those registered.",
                "These dates have registrations, so they were kept on the "
                "page: %(dates)s. If they are cancelled, close their "
                "registration and tell those registered.",
                len(kept),
            )
            % {"dates": dates},
        )


def _refuse_if_booked(request, pages, back_url):
    """A page whose event dates (its own or below it) have registrations
    cannot be deleted: the registrations and the counts kept for reports
    would go with it."""
    for page in pages:
        if Registration.objects.filter(
            occurrence__page__path__startswith=page.path
        ).exists():
            messages.error(
                request,
                _(
                    "“%(title)s” has registrations on its dates, so it cannot "
                    "be deleted. Unpublish it instead: the registrations and "
                    "the counts kept for reports stay."
                )
                % {"title": page.get_admin_display_title()},
            )
            return redirect(back_url)
    return None


def refuse_deleting_booked_events(request, page):
    back = reverse("wagtailadmin_pages:edit", args=[page.pk])
    return _refuse_if_booked(request, [page], back)


def refuse_bulk_deleting_booked_events(request, action_type, objects, action):
    if action_type != "delete" or not objects:
        return None
    if not all(isinstance(o, Page) for o in objects):
        return None
    back = action.next_url
    if not back or back == request.path:  # no listing to go back to
        back = reverse("wagtailadmin_explore", args=[objects[0].get_parent().pk])
    return _refuse_if_booked(request, objects, back)
