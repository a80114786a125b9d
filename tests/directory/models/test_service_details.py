"""What a service's page shows beside its description: phones are stored
in E.164 whatever way they are typed in the admin."""

from django.core.exceptions import ValidationError

import pytest

from directory.models import Phone


def test_the_admin_stores_a_phone_normalised_and_refuses_an_impossible_one():
    field = Phone._meta.get_field("number").formfield()
    assert field.clean("962 555 0123") == "+529625550123"
    with pytest.raises(ValidationError):
        field.clean("5555 1234")
