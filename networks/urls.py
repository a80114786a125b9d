"""Public, language-prefixed views: sign-up, confirmation and code of
conduct, each at an address in the visitor's language
(``/es/voluntariado/inscripcion/``, ``/en/volunteering/sign-up/``)."""

from django.urls import path
from django.views.generic import RedirectView

from convivir.common.routes import localized_urls, route
from networks import views

app_name = "networks"

_translated = localized_urls(
    app_name,
    route(
        "signup",
        views.signup,
        es="voluntariado/inscripcion/",
        en="volunteering/sign-up/",
    ),
    route(
        "signup_sent",
        views.signup_sent,
        es="voluntariado/inscripcion/revisa-tu-correo/",
        en="volunteering/sign-up/check-your-email/",
    ),
    route(
        "resend_confirmation",
        views.resend_confirmation,
        es="voluntariado/inscripcion/reenviar-confirmacion/",
        en="volunteering/sign-up/resend-confirmation/",
    ),
    route(
        "confirm",
        views.confirm,
        es="voluntariado/confirmar/<str:token>/",
        en="volunteering/confirm/<str:token>/",
    ),
    route(
        "conduct",
        views.conduct,
        es="voluntariado/codigo-de-conducta/<str:token>/",
        en="volunteering/code-of-conduct/<str:token>/",
    ),
)

urlpatterns = [
    *_translated,
    # The "my data" pages moved to the core (convivir.privacy); links in
    # e-mails sent before keep working, in every language, and lead to the
    # page's address in the visitor's language.
    path(
        "voluntariado/mis-datos/",
        RedirectView.as_view(pattern_name="privacy:request_link", permanent=True),
    ),
    path(
        "voluntariado/mis-datos/enviado/",
        RedirectView.as_view(pattern_name="privacy:link_sent", permanent=True),
    ),
    path("voluntariado/mis-datos/<str:token>/", views.old_data_link),
    path(
        "voluntariado/mis-datos/<str:token>/descargar/",
        views.old_data_link,
        {"then": "download"},
    ),
    path("voluntariado/mis-datos/<str:token>/borrar/", views.old_data_link),
    path(
        "voluntariado/mis-datos-borrados/",
        RedirectView.as_view(pattern_name="privacy:deleted", permanent=True),
    ),
]
