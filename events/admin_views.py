"""Staff tools in the Wagtail admin: the registrations of each date with
status filters and seat totals, the CSV/Excel export, adding someone by
hand, cancelling, the check-in page used at the door and the list of
dates.

Seats are only ever taken or freed through :class:`Registration`'s own
methods (register, cancel), so the admin keeps the capacity and the waiting
list right exactly as the public form does. Nobody deletes a registration
by hand: cancelling frees the seats and promotes the waiting list, and the
retention purge deletes the personal data.
"""

from collections import Counter
from datetime import datetime, timedelta

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db.models import Q
from django.http import HttpResponseBadRequest
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.ui.tables import Column, DateColumn, TitleColumn
from wagtail.admin.views.generic.models import CreateView, IndexView
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.log_actions import log
from wagtail.permission_policies.base import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy

import django_filters

from convivir.common.languages import default_locale
from convivir.common.phones import phone_digits
from convivir.exports import SafeSpreadsheetExportMixin
from events.models import Occurrence, Registration, RegistrationError, seats_summary


class RegistrationPermissionPolicy(ModelPermissionPolicy):
    """Django's model permissions, except that nobody deletes a
    registration: it is cancelled (seats freed, waiting list promoted)."""

    def user_has_permission(self, user, action):
        if action == "delete":
            return False
        return super().user_has_permission(user, action)


registration_permission_policy = RegistrationPermissionPolicy(Registration)
register_permission_policy(Registration, registration_permission_policy)


def staff_occurrences():
    """The dates staff manage: the canonical (default-language) rows."""
    occurrences = Occurrence.objects.select_related("page")
    locale = default_locale()
    if locale is not None:
        occurrences = occurrences.filter(page__locale=locale)
    return occurrences.order_by("-start")


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


def phone_search(query: str) -> Q:
    """Registrations whose phone holds the digits of ``query`` however they
    are typed ("962 555 0101" finds "+529625550101"); nothing for a query
    with few digits (a name or a code)."""
    digits = phone_digits(query)
    if len(digits) < 4:
        return Q(pk__in=[])
    return Q(phone__contains=digits)


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
        value = self.request.GET.get("occurrence", "")
        if value.isdigit():
            return staff_occurrences().filter(pk=value).first()
        return None

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


class RegistrationCreateForm(WagtailAdminModelForm):
    """Adding someone by hand (a phone call, a visit): the same rules as
    the public form, except the opening dates."""

    occurrence = forms.ModelChoiceField(
        queryset=Occurrence.objects.none(), label=gettext_lazy("date")
    )

    class Meta:
        model = Registration
        fields = [
            "occurrence",
            "name",
            "email",
            "phone",
            "seats",
            "accessibility_needs",
            "language",
        ]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["occurrence"].queryset = staff_occurrences().filter(
            start__gt=timezone.now()
        )
        self.fields["name"].required = True

    def clean(self):
        cleaned = super().clean()
        if not cleaned.get("email") and not cleaned.get("phone"):
            self.add_error(
                "email", _("Give an e-mail address or a phone number (or both).")
            )
        return cleaned


class RegistrationEditForm(WagtailAdminModelForm):
    """Correcting someone's details; seats and status change only through
    registering and cancelling."""

    class Meta:
        model = Registration
        fields = ["name", "email", "phone", "accessibility_needs", "language"]


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


class RegistrationViewSet(ModelViewSet):
    """Registrations, for programme staff."""

    model = Registration
    icon = "date"
    menu_label = gettext_lazy("Registrations")
    menu_order = 245
    add_to_admin_menu = True
    index_view_class = RegistrationIndexView
    add_view_class = RegistrationCreateView
    copy_view_enabled = False
    inspect_view_enabled = True
    search_backend_name = None
    search_fields = ["name", "email", "phone", "code"]
    filterset_class = RegistrationFilterSet
    list_per_page = 50
    ordering = ["-created_at"]
    list_display = [
        TitleColumn(
            "code", label=gettext_lazy("code"), url_name="events_registration:edit"
        ),
        Column("name", label=gettext_lazy("name")),
        Column("occurrence", label=gettext_lazy("date")),
        Column("seats", label=gettext_lazy("seats")),
        Column("status", label=gettext_lazy("status"), accessor="get_status_display"),
        DateColumn("attended_at", label=gettext_lazy("checked in")),
    ]
    list_export = [
        "code",
        "occurrence",
        "name",
        "email",
        "phone",
        "seats",
        "get_status_display",
        "accessibility_needs",
        "get_language_display",
        "created_at",
        "attended_at",
    ]
    export_headings = {
        "code": gettext_lazy("Code"),
        "occurrence": gettext_lazy("Date"),
        "name": gettext_lazy("Name"),
        "email": gettext_lazy("E-mail"),
        "phone": gettext_lazy("Phone or WhatsApp"),
        "seats": gettext_lazy("Seats"),
        "get_status_display": gettext_lazy("Status"),
        "accessibility_needs": gettext_lazy("Accessibility needs"),
        "get_language_display": gettext_lazy("Language"),
        "created_at": gettext_lazy("Registered"),
        "attended_at": gettext_lazy("Checked in"),
    }
    export_filename = "inscripciones"

    def get_form_class(self, for_update=False):
        return RegistrationEditForm if for_update else RegistrationCreateForm

    def get_urlpatterns(self):
        return [
            *super().get_urlpatterns(),
            path("cancel/<int:pk>/", self.cancel_view, name="cancel"),
            path("dates/", self.dates_view, name="dates"),
            path("check-in/<int:occurrence_pk>/", self.check_in_view, name="check_in"),
        ]

    def _require(self, request, action):
        if not self.permission_policy.user_has_permission(request.user, action):
            raise PermissionDenied

    def cancel_view(self, request, pk):
        """GET asks, POST cancels (seats freed, waiting list promoted)."""
        self._require(request, "change")
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

    def dates_view(self, request):
        """Upcoming dates and those of the last month, with seats taken,
        capacity and waiting list."""
        self._require(request, "view")
        since = timezone.now() - timedelta(days=31)
        occurrences = (
            staff_occurrences().filter(end__gte=since).with_seats().order_by("start")
        )
        return TemplateResponse(
            request, "events/admin/dates.html", {"occurrences": occurrences}
        )

    def check_in_view(self, request, occurrence_pk):
        """At the door, on a phone: search a name or code, tick present."""
        self._require(request, "change")
        occurrence = get_object_or_404(staff_occurrences(), pk=occurrence_pk)
        if request.method == "POST":
            chosen = request.POST.get("registration", "")
            registration = (
                occurrence.registrations.filter(
                    status=Registration.Status.CONFIRMED, pk=chosen
                ).first()
                if chosen.isdigit()
                else None
            )
            if registration is None:
                return HttpResponseBadRequest()
            present = request.POST.get("present") == "1"
            registration.check_in(request.user, present=present)
            query = request.POST.get("q", "")
            url = reverse("events_registration:check_in", args=[occurrence.pk])
            return redirect(f"{url}?q={query}" if query else url)
        query = request.GET.get("q", "").strip()[:100]
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
