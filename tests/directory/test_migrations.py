"""Data migrations of the directory: stored phones normalised to E.164."""

from importlib import import_module

from django.apps import apps

import pytest

from directory.factories import PhoneFactory

pytestmark = pytest.mark.django_db


def test_stored_phones_are_normalised_by_the_migration():
    typed = PhoneFactory(number="(971) 555-0100")
    odd = PhoneFactory(number="ext. 12")
    migration = import_module("directory.migrations.0006_phone_number_e164")
    migration.normalize_phones(apps, None)
    typed.refresh_from_db()
    odd.refresh_from_db()
    assert (typed.number, odd.number) == ("+529715550100", "ext. 12")
