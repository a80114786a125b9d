"""The "my data" link-sent page tells the person what to do if nothing
arrives, with the form to ask for a link again right there."""

from django.core import mail
from django.urls import reverse
from django.utils import translation

import pytest

from networks.factories import VolunteerFactory
from tests.utils import page_text

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("language", "words"),
    [
        ("es", ["¿No te llegó nuestro correo?", "15 minutos"]),
        ("en", ["No e-mail from us?", "within 15 minutes"]),
    ],
)
def test_the_link_sent_page_offers_to_ask_again(client, language, words):
    with translation.override(language):
        sent, request_link = (
            reverse("privacy:link_sent"),
            reverse("privacy:request_link"),
        )
    response = client.get(sent)
    html = response.content.decode()
    assert response.status_code == 200
    for word in words:
        assert word in page_text(html)
    assert f'action="{request_link}"' in html
    assert 'name="website"' in html and 'name="email"' in html


def test_asking_again_from_that_page_sends_another_working_link(
    client, django_capture_on_commit_callbacks
):
    VolunteerFactory(email="firma@correo.example")
    with django_capture_on_commit_callbacks(execute=True):
        for _ in range(2):
            response = client.post(
                reverse("privacy:request_link"),
                {"email": "firma@correo.example", "website": ""},
            )
            assert response["Location"] == reverse("privacy:link_sent")
    first, second = mail.outbox
    for message in (first, second):
        link = next(w for w in message.body.split() if "/mis-datos/" in w)
        path = link.split("convivir.example.org", 1)[1]
        assert client.get(path).status_code == 200


def test_the_link_sent_page_is_never_cached(client):
    response = client.get(reverse("privacy:link_sent"))
    assert "private" in response["Cache-Control"]
