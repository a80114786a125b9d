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
