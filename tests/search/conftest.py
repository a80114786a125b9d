from django.db import transaction

import pytest

from tests.search import corpus


@pytest.fixture(scope="module")
def services(django_db_setup, django_db_blocker):
    """The corpus, built once for the module and rolled back after it."""
    with django_db_blocker.unblock(), transaction.atomic():
        built = corpus.build()
        yield built
        transaction.set_rollback(True)


def names(services, hits):
    """The corpus names of search hits, in order."""
    by_key = {str(service.pk): name for name, service in services.items()}
    return [by_key[hit.key] for hit in hits]


def assert_ranked(found: list[str], top: list[str], absent: list[str]):
    """``top`` among the first three of ``found``, ``absent`` nowhere."""
    for name in top:
        assert name in found[:3], f"{name!r} not in the first three: {found[:5]}"
    for name in absent:
        assert name not in found, f"{name!r} found: {found}"
