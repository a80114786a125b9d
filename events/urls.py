"""Public, language-prefixed views: the iCal feeds and registration, at
addresses in the visitor's language (``/es/eventos/12/inscripcion/``,
``/en/events/12/register/``). The calendar's own pages (list, month,
archive) are routes of the calendar page.
"""

from django.urls import path

from convivir.common.routes import localized, moved
from events import views

app_name = "events"

urlpatterns = [
    path(
        localized(es="eventos/calendar.ics", en="events/calendar.ics"),
        views.calendar_ics,
        name="calendar_ics",
    ),
    path(
        localized(es="eventos/<int:pk>.ics", en="events/<int:pk>.ics"),
        views.occurrence_ics,
        name="occurrence_ics",
    ),
    path(
        localized(es="eventos/<int:pk>/inscripcion/", en="events/<int:pk>/register/"),
        views.register,
        name="register",
    ),
    path(
        localized(es="eventos/<int:pk>/reenviar/", en="events/<int:pk>/resend/"),
        views.resend,
        name="resend",
    ),
    path(
        localized(
            es="eventos/inscripcion/<str:token>/",
            en="events/registration/<str:token>/",
        ),
        views.confirmation,
        name="confirmation",
    ),
    path(
        localized(es="eventos/cancelar/<str:token>/", en="events/cancel/<str:token>/"),
        views.cancel,
        name="cancel",
    ),
    # The Spanish addresses under another language's prefix (links in
    # e-mails and calendars from before the addresses were translated)
    # move to that language's. In Spanish the patterns above answer first.
    path("eventos/calendar.ics", moved("events:calendar_ics")),
    path("eventos/<int:pk>.ics", moved("events:occurrence_ics")),
    path("eventos/<int:pk>/inscripcion/", moved("events:register")),
    path("eventos/<int:pk>/reenviar/", moved("events:resend")),
    path("eventos/inscripcion/<str:token>/", moved("events:confirmation")),
    path("eventos/cancelar/<str:token>/", moved("events:cancel")),
]
