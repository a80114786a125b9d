"""The HSDS API, outside the language prefixes: ``/api/hsds/…``. (The public
pages are routes of the directory page, see ``DirectoryIndexPage``.)"""

from django.urls import path, re_path

from directory import api

app_name = "directory_api"

urlpatterns = [
    path("", api.root, name="root"),
    path("services", api.services, name="services"),
    path("services/<uuid:pk>", api.service_detail, name="service"),
    path("organizations", api.organizations, name="organizations"),
    path("organizations/<uuid:pk>", api.organization_detail, name="organization"),
    path("service_at_locations", api.service_at_locations, name="service_at_locations"),
    path(
        "service_at_locations/<uuid:pk>",
        api.service_at_location_detail,
        name="service_at_location",
    ),
    path("taxonomies", api.taxonomies, name="taxonomies"),
    path("taxonomies/<uuid:pk>", api.taxonomy_detail, name="taxonomy"),
    path("taxonomy_terms", api.taxonomy_terms, name="taxonomy_terms"),
    path("taxonomy_terms/<uuid:pk>", api.taxonomy_term_detail, name="taxonomy_term"),
    path("locations", api.locations, name="locations"),
    path("locations/<uuid:pk>", api.location_detail, name="location"),
    # Anything else under the API is a JSON 404, never a page or a redirect:
    # line breaks included ("." alone stops at one).
    re_path(r"^[\s\S]*\Z", api.not_found, name="not_found"),
]
