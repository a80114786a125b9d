"""Public, language-prefixed views: the iCal feeds and registration, at
addresses in the visitor's language (``/es/eventos/12/inscripcion/``,
``/en/events/12/register/``). The calendar's own pages (list, month,
archive) are routes of the calendar page.
"""

from convivir.common.routes import localized_urls, route
from events import views

app_name = "events"

urlpatterns = localized_urls(
    app_name,
    route(
        "calendar_ics",
        views.calendar_ics,
        es="eventos/calendar.ics",
        en="events/calendar.ics",
    ),
    route(
        "occurrence_ics",
        views.occurrence_ics,
        es="eventos/<int:pk>.ics",
        en="events/<int:pk>.ics",
    ),
    route(
        "register",
        views.register,
        es="eventos/<int:pk>/inscripcion/",
        en="events/<int:pk>/register/",
    ),
    route(
        "resend",
        views.resend,
        es="eventos/<int:pk>/reenviar/",
        en="events/<int:pk>/resend/",
    ),
    route(
        "confirmation",
        views.confirmation,
        es="eventos/inscripcion/<str:token>/",
        en="events/registration/<str:token>/",
    ),
    route(
        "cancel",
        views.cancel,
        es="eventos/cancelar/<str:token>/",
        en="events/cancel/<str:token>/",
    ),
)
