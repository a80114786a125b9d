"""Fixtures for the directory: an editor, a moderator and services."""

from django.contrib.auth.models import Group

import pytest

from directory.factories import EditorFactory


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
    from directory.factories import DirectoryIndexPageFactory
    from tests.utils import add_child

    return add_child(home, DirectoryIndexPageFactory.build())


@pytest.fixture
def directory_page_en(directory_page, home_en, english):
    from tests.utils import translate_page

    return translate_page(directory_page, english, title="Find help", slug="find-help")
