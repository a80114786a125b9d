"""The directory's admin views beyond the snippet viewsets, under
``/admin/directory/`` (registered by ``wagtail_hooks``)."""

from django.urls import path

from directory.admin import views

urlpatterns = [
    path(
        "directory/services/<uuid:pk>/verify/",
        views.verify_service,
        name="directory_verify",
    ),
    path(
        "directory/organisations/<uuid:pk>/places/",
        views.organization_places,
        name="directory_organization_places",
    ),
    path(
        "directory/address-requests/",
        views.address_releases,
        name="directory_address_releases",
    ),
    path(
        "directory/address-requests/<int:pk>/approve/",
        views.approve_address_release,
        name="directory_address_release_approve",
    ),
    path(
        "directory/address-requests/<int:pk>/refuse/",
        views.reject_address_release,
        name="directory_address_release_reject",
    ),
]
