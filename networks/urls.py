"""Public, language-prefixed views: sign-up, confirmation, code of conduct
and the volunteer's own data."""

from django.urls import path

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
    path("voluntariado/mis-datos/", views.request_data_link, name="request_data_link"),
    path(
        "voluntariado/mis-datos/enviado/",
        views.data_link_sent,
        name="data_link_sent",
    ),
    path("voluntariado/mis-datos/<str:token>/", views.my_data, name="my_data"),
    path(
        "voluntariado/mis-datos/<str:token>/descargar/",
        views.download_data,
        name="download_data",
    ),
    path(
        "voluntariado/mis-datos/<str:token>/borrar/",
        views.delete_data,
        name="delete_data",
    ),
    path("voluntariado/mis-datos-borrados/", views.data_deleted, name="data_deleted"),
]
