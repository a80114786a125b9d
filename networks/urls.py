"""Public, language-prefixed views: sign-up, confirmation and code of
conduct."""

from django.urls import path
from django.views.generic import RedirectView

from networks import views

app_name = "networks"

urlpatterns = [
    path("voluntariado/inscripcion/", views.signup, name="signup"),
    path(
        "voluntariado/inscripcion/revisa-tu-correo/",
        views.signup_sent,
        name="signup_sent",
    ),
    path("voluntariado/confirmar/<str:token>/", views.confirm, name="confirm"),
    path(
        "voluntariado/codigo-de-conducta/<str:token>/",
        views.conduct,
        name="conduct",
    ),
    # The "my data" pages moved to the core (convivir.privacy); links in
    # e-mails sent before keep working.
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
