"""Signed links: a link made for one purpose never opens another; an old or
tampered link says why it does not work, on the one problem page."""

from datetime import timedelta
from unittest import mock

from django.test import RequestFactory

import pytest

from convivir.common.links import LinkError, SignedLink, link_problem


def test_a_link_reads_back_its_payload():
    link = SignedLink("tests.thing", timedelta(days=1))
    assert link.load(link.make({"x": 1})) == {"x": 1}


def test_another_purpose_or_a_tampered_link_is_invalid():
    token = SignedLink("tests.one", None).make({"x": 1})
    with pytest.raises(LinkError) as error:
        SignedLink("tests.other", None).load(token)
    assert error.value.reason == "invalid"
    with pytest.raises(LinkError) as error:
        SignedLink("tests.one", None).load(token[:-2] + "xx")
    assert error.value.reason == "invalid"


def test_a_link_past_its_lifetime_has_expired_and_the_lifetime_is_read_late():
    days = {"n": 2}
    link = SignedLink("tests.late", lambda: timedelta(days=days["n"]))
    with mock.patch("django.core.signing.time.time", return_value=1_000_000):
        token = link.make({"x": 1})
    with mock.patch("django.core.signing.time.time", return_value=1_000_000 + 86400):
        assert link.load(token) == {"x": 1}
        days["n"] = 0
        with pytest.raises(LinkError) as error:
            link.load(token)
    assert error.value.reason == "expired"


def test_a_link_without_lifetime_never_expires():
    link = SignedLink("tests.forever", None)
    with mock.patch("django.core.signing.time.time", return_value=1):
        token = link.make({"x": 1})
    assert link.load(token) == {"x": 1}


def test_reasons_are_a_closed_list():
    with pytest.raises(ValueError):
        LinkError("whatever")


@pytest.mark.django_db
def test_the_problem_page_says_why_and_what_to_do(home):
    request = RequestFactory().get("/es/x/")
    response = link_problem(
        request,
        LinkError("expired"),
        advice={"expired": ["Pide otro enlace.", "Segundo párrafo."]},
        links=[("Volver", "/es/")],
    )
    html = response.content.decode()
    assert response.status_code == 400
    assert "<h1>Este enlace ya venció</h1>" in html
    assert "Pide otro enlace." in html and "<p>Segundo párrafo.</p>" in html
    assert '<a href="/es/">Volver</a>' in html
    assert 'name="robots" content="noindex"' in html
    html = link_problem(request, "invalid").content.decode()
    assert "<h1>Este enlace no funciona</h1>" in html
