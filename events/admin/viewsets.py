"""The viewsets of the events app: venues and event categories as
snippets (under "Event places and types"), and the registrations of every
date for programme staff."""

from django.urls import path
from django.utils.translation import gettext_lazy

from wagtail.admin.ui.tables import Column, DateColumn, TitleColumn
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from events.admin import views
from events.admin.registration_forms import (
    RegistrationCreateForm,
    RegistrationEditForm,
)
from events.models import EventCategory, Registration, Venue


class VenueViewSet(SnippetViewSet):
    model = Venue
    icon = "site"
    menu_label = gettext_lazy("Venues")
    list_display = ["name", "municipality", "state", "locale"]
    list_filter = ["state", "locale"]
    search_fields = ["name", "municipality", "address"]
    ordering = ["name"]


class EventCategoryViewSet(SnippetViewSet):
    model = EventCategory
    icon = "tag"
    menu_label = gettext_lazy("Event categories")
    list_display = ["name", "slug", "locale"]
    list_filter = ["locale"]
    search_fields = ["name"]
    ordering = ["name"]


class EventsSnippetGroup(SnippetViewSetGroup):
    items = (VenueViewSet, EventCategoryViewSet)
    menu_icon = "date"
    menu_label = gettext_lazy("Event places and types")
    menu_name = "event_snippets"
    menu_order = 240


class RegistrationViewSet(ModelViewSet):
    """Registrations, for programme staff."""

    model = Registration
    icon = "date"
    menu_label = gettext_lazy("Registrations")
    menu_order = 245
    add_to_admin_menu = True
    index_view_class = views.RegistrationIndexView
    add_view_class = views.RegistrationCreateView
    copy_view_enabled = False
    inspect_view_enabled = True
    search_backend_name = None
    search_fields = ["name", "email", "phone", "code"]
    filterset_class = views.RegistrationFilterSet
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
            path("cancel/<int:pk>/", views.cancel, name="cancel"),
            path("dates/", views.dates, name="dates"),
            path("check-in/<int:occurrence_pk>/", views.check_in, name="check_in"),
        ]
