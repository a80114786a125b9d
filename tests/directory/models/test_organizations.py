"""Organisations and their locations: the organisation's public address
(the networks app links to it), a location's town."""

from django.utils import translation

import pytest

from directory.factories import LocationFactory, OrganizationFactory

pytestmark = pytest.mark.django_db


def test_an_organisation_is_found_under_the_directory_of_the_language_shown(
    directory_page_en,
):
    organization = OrganizationFactory(slug="casa-belen")
    assert organization.get_url() == "/es/buscar-ayuda/organizacion/casa-belen/"
    with translation.override("en"):
        assert organization.get_url() == "/en/find-help/organization/casa-belen/"
    assert organization.get_url(directory=directory_page_en) == (
        "/en/find-help/organization/casa-belen/"
    )


def test_without_a_directory_page_an_organisation_has_no_address():
    assert OrganizationFactory().get_url() == ""


def test_a_location_is_filed_under_its_towns_slug():
    location = LocationFactory(municipality="Ciudad Hidalgo")
    assert location.town == "ciudad-hidalgo"
