"""Fixtures for the directory: an editor, a moderator, the directory page in
both languages and a shelter."""

from datetime import time, timedelta

from django.contrib.auth.models import Group
from django.utils import timezone

import pytest

from directory.factories import (
    DirectoryIndexPageFactory,
    EditorFactory,
    PhoneFactory,
    RequiredDocumentFactory,
    ScheduleFactory,
    ServiceFactory,
    population,
)
from tests.utils import add_child, translate_page


@pytest.fixture
def editor(db):
    return EditorFactory(username="edith", email="edith@convivir.example")


@pytest.fixture
def moderator(db):
    user = EditorFactory(username="mona", email="mona@convivir.example")
    user.groups.add(Group.objects.get(name="Moderators"))
    return user


@pytest.fixture
def directory_page(home):
    return add_child(home, DirectoryIndexPageFactory.build())


@pytest.fixture
def directory_page_en(directory_page, home_en, english):
    return translate_page(directory_page, english, title="Find help", slug="find-help")


@pytest.fixture
def shelter(db):
    """A family shelter in Tapachula with a WhatsApp phone, open on Mondays
    from 08:00 to 20:00, verified three days ago."""
    service = ServiceFactory(
        name="Albergue Belén",
        slug="albergue-belen",
        description="Alojamiento para familias.",
        languages=["es", "fr"],
        location__municipality="Tapachula",
        location__address_1="Avenida Norte 40",
        last_verified_at=timezone.now() - timedelta(days=3),
    )
    service.populations.set([population("families")])
    service.save()
    PhoneFactory(service=service, number="+52 962 555 0123", whatsapp=True)
    RequiredDocumentFactory(service=service, document="Acta de nacimiento")
    ScheduleFactory(service=service, weekday=0, opens_at=time(8), closes_at=time(20))
    return service
