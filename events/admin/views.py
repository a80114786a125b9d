"""Staff tools in the Wagtail admin: the registrations of each date with
status filters and seat totals, the CSV/Excel export, adding someone by
hand, cancelling, the check-in page used at the door and the list of
dates (routed by :class:`events.admin.viewsets.RegistrationViewSet`).

Seats are only ever taken or freed through :class:`Registration`'s own
methods (register, cancel), so the admin keeps the capacity and the waiting
list right exactly as the public form does. Nobody deletes a registration
by hand: cancelling frees the seats and promotes the waiting list, and the
retention purge deletes the personal data.
"""

from collections import Counter
from datetime import datetime, timedelta
from urllib.parse import urlencode

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db.models import Q
from django.http import HttpResponseBadRequest
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.views.generic.models import CreateView, IndexView
from wagtail.log_actions import log

import django_filters

from convivir.common.inputs import query_text, record_id
from convivir.exports import SafeSpreadsheetExportMixin
from events.admin.permissions import registration_permission_policy
from events.admin.queries import phone_search, staff_occurrences
from events.models import Occurrence, Registration, RegistrationError, seats_summary

# What the check-in search reads of what is typed (a name, a code, a phone).
CHECK_IN_QUERY_CHARS = 100


class RegistrationFilterSet(WagtailFilterSet):
    occurrence = django_filters.ModelChoiceFilter(
        queryset=lambda request: staff_occurrences(), label=gettext_lazy("date")
    )
    status = django_filters.ChoiceFilter(
        choices=Registration.Status.choices, label=gettext_lazy("status")
    )
    attended = django_filters.BooleanFilter(
        field_name="attended_at",
        lookup_expr="isnull",
        exclude=True,
        label=gettext_lazy("checked in"),
    )

    class Meta:
        model = Registration
        fields = ["occurrence", "status", "attended"]


def local_time(value: datetime) -> datetime:
    """An export's time as staff read it: local (America/Mexico_City), to
    the second, without a time zone (spreadsheets have none)."""
    return timezone.localtime(value).replace(microsecond=0, tzinfo=None)


class RegistrationIndexView(SafeSpreadsheetExportMixin, IndexView):
    """The list with the seat totals of what is filtered and searched, and
    the export (written to the audit log; what registrants typed is exported
    as text, never as a spreadsheet formula; times are local)."""

    results_template_name = "events/admin/registration_results.html"
    custom_value_preprocess = {
        **IndexView.custom_value_preprocess,
        datetime: {
            IndexView.FORMAT_XLSX: local_time,
            IndexView.FORMAT_CSV: lambda value: local_time(value).isoformat(" "),
        },
    }

    def get_base_queryset(self):
        return Registration.objects.select_related("occurrence__page")

    def search_queryset(self, queryset):
        searched = super().search_queryset(queryset)
        if not self.is_searching:
            return searched
        return searched | queryset.filter(phone_search(self.search_query))

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        # The same rows as the list: filters and search.
        context["totals"] = seats_summary(
            self.search_queryset(self.filter_queryset(self.get_base_queryset()))
        )
        context["check_in_occurrence"] = self._filtered_occurrence()
        return context

    def _filtered_occurrence(self):
        pk = record_id(self.request.GET.get("occurrence"))
        return staff_occurrences().filter(pk=pk).first() if pk else None

    def as_spreadsheet(self, queryset, spreadsheet_format):
        # Logged before the file is built: an export counts even if the
        # download is interrupted. One entry per date exported.
        counts = Counter(queryset.values_list("occurrence_id", flat=True))
        for occurrence in Occurrence.objects.filter(pk__in=counts).select_related(
            "page"
        ):
            log(
                instance=occurrence.page,
                action="events.export",
                user=self.request.user,
                title=str(occurrence),
                data={
                    "occurrence": occurrence.pk,
                    "registrations": counts[occurrence.pk],
                    "format": spreadsheet_format,
                },
            )
        return super().as_spreadsheet(queryset, spreadsheet_format)


REFUSALS = {
    "not_open": gettext_lazy("Registration for this date is closed."),
    "too_many_seats": gettext_lazy("Too many seats for one registration."),
    "full": gettext_lazy("Sorry, this date is full and there is no waiting list."),
    "duplicate": gettext_lazy(
        "This e-mail address is already registered for this date."
    ),
    "duplicate_phone": gettext_lazy(
        "This phone number is already registered for this date."
    ),
}


class RegistrationCreateView(CreateView):
    """Adding someone by hand; the message says where they went: confirmed,
    or on the waiting list and in which place."""

    def get_success_message(self, instance):
        values = {"code": instance.code, "name": instance.name}
        if instance.status == Registration.Status.WAITING:
            return _(
                "Registration %(code)s for %(name)s added to the waiting list, "
                "place %(place)s."
            ) % {**values, "place": instance.waiting_place()}
        return _("Registration %(code)s for %(name)s confirmed.") % values

    def save_instance(self):
        data = self.form.cleaned_data
        return Registration.register(
            data["occurrence"].pk,
            name=data["name"],
            email=data["email"],
            phone=data["phone"],
            seats=data["seats"],
            accessibility_needs=data["accessibility_needs"],
            language=data["language"],
            added_by=self.request.user,
        )

    def form_valid(self, form):
        try:
            return super().form_valid(form)
        except RegistrationError as error:
            reason = error.reason
            if reason == "duplicate" and error.field == "phone":
                reason = "duplicate_phone"
            field = {
                "duplicate": "email",
                "duplicate_phone": "phone",
                "too_many_seats": "seats",
            }.get(reason)
            form.add_error(field, str(REFUSALS.get(reason, reason)))
            self.produced_error_message = self.get_error_message()
            return self.form_invalid(form)

    def get_success_url(self):
        return (
            reverse("events_registration:index")
            + f"?occurrence={self.object.occurrence_id}"
        )


def _require(request, action):
    if not registration_permission_policy.user_has_permission(request.user, action):
        raise PermissionDenied


def cancel(request, pk):
    """GET asks, POST cancels (seats freed, waiting list promoted)."""
    _require(request, "change")
    registration = get_object_or_404(
        Registration.objects.select_related("occurrence__page"), pk=pk
    )
    back = reverse("events_registration:index") + (
        f"?occurrence={registration.occurrence_id}"
    )
    if request.method == "POST":
        try:
            promoted = registration.cancel(user=request.user)
        except RegistrationError:
            messages.warning(request, _("This registration was already cancelled."))
        else:
            messages.success(
                request,
                _(
                    "Registration %(code)s cancelled; %(count)s promoted "
                    "from the waiting list."
                )
                % {"code": registration.code, "count": len(promoted)},
            )
        return redirect(back)
    return TemplateResponse(
        request,
        "events/admin/cancel.html",
        {"registration": registration, "back_url": back},
    )


def dates(request):
    """Upcoming dates and those of the last month, with seats taken,
    capacity and waiting list."""
    _require(request, "view")
    since = timezone.now() - timedelta(days=31)
    occurrences = (
        staff_occurrences().filter(end__gte=since).with_seats().order_by("start")
    )
    return TemplateResponse(
        request, "events/admin/dates.html", {"occurrences": occurrences}
    )


def check_in(request, occurrence_pk):
    """At the door, on a phone: search a name or code, tick present."""
    _require(request, "change")
    occurrence = get_object_or_404(staff_occurrences(), pk=occurrence_pk)
    if request.method == "POST":
        chosen = record_id(request.POST.get("registration"))
        registration = (
            occurrence.registrations.filter(
                status=Registration.Status.CONFIRMED, pk=chosen
            ).first()
            if chosen
            else None
        )
        if registration is None:
            return HttpResponseBadRequest()
        present = request.POST.get("present") == "1"
        registration.check_in(request.user, present=present)
        query = query_text(request.POST.get("q"), CHECK_IN_QUERY_CHARS)
        url = reverse("events_registration:check_in", args=[occurrence.pk])
        return redirect(f"{url}?{urlencode({'q': query})}" if query else url)
    query = query_text(request.GET.get("q"), CHECK_IN_QUERY_CHARS)
    registrations = occurrence.registrations.filter(
        status=Registration.Status.CONFIRMED
    ).order_by("name", "pk")
    if query:
        registrations = registrations.filter(
            Q(name__icontains=query) | Q(code__iexact=query) | phone_search(query)
        )
    totals = seats_summary(occurrence.registrations.all())
    return TemplateResponse(
        request,
        "events/admin/check_in.html",
        {
            "occurrence": occurrence,
            "registrations": registrations,
            "query": query,
            "totals": totals,
        },
    )
