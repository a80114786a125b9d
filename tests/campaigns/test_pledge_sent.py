"""The pledge's "check your e-mail" page says what to do if nothing
arrives, and leads back to the form, which sends a new link."""

from django.core import mail
from django.urls import reverse
from django.utils import translation

import pytest

from tests.utils import page_text

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("language", "words"),
    [
        ("es", ["¿No te llegó nuestro correo?", "15 minutos", "Pedir el enlace"]),
        ("en", ["No e-mail from us?", "within 15 minutes", "Ask for the link again"]),
    ],
)
def test_the_pledge_sent_page_offers_to_ask_again(client, campaign, language, words):
    with translation.override(language):
        sent = reverse("campaigns:pledge_sent", args=[campaign.pk])
        form = reverse("campaigns:pledge", args=[campaign.pk])
    html = client.get(sent).content.decode()
    for word in words:
        assert word in page_text(html)
    assert f'href="{form}"' in html


def test_pledging_again_sends_a_new_link(
    client, campaign, django_capture_on_commit_callbacks
):
    url = reverse("campaigns:pledge", args=[campaign.pk])
    form = client.get(url).content.decode()
    assert 'name="email"' in form
    data = {
        "email": "firma@correo.example",
        "municipality": "Tapachula",
        "is_anonymous": "on",
        "consent": "on",
        "website": "",
    }
    with django_capture_on_commit_callbacks(execute=True):
        for _ in range(2):
            response = client.post(url, data)
            assert response.status_code == 302, response.content.decode()[:2000]
    assert [m.to for m in mail.outbox] == [["firma@correo.example"]] * 2
    assert "/confirmar/" in mail.outbox[1].body
