"""Public, language-prefixed views: the iCal feeds and registration. The
calendar's own pages (list, month, archive) are routes of the calendar page.
"""

from django.urls import path

from events import views

app_name = "events"

urlpatterns = [
    path("eventos/calendar.ics", views.calendar_ics, name="calendar_ics"),
    path("eventos/<int:pk>.ics", views.occurrence_ics, name="occurrence_ics"),
    path("eventos/<int:pk>/inscripcion/", views.register, name="register"),
    path("eventos/<int:pk>/reenviar/", views.resend, name="resend"),
    path(
        "eventos/inscripcion/<str:token>/",
        views.confirmation,
        name="confirmation",
    ),
    path("eventos/cancelar/<str:token>/", views.cancel, name="cancel"),
]
