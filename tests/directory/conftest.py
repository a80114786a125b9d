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
