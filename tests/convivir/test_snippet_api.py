"""wagtail-localize's snippet API (``/admin/localize/api/snippets/…``) and
Wagtail's snippet chooser (``/admin/snippets/choose/…``) tell a user only
about the snippets they may see in the snippets admin, or may pick for a
field."""

import html
import json
import re

from django.urls import resolve, reverse

import pytest

from campaigns.admin.permissions import COMMUNICATIONS_GROUP
from campaigns.factories import (
    CampaignIndexPageFactory,
    CampaignPageFactory,
    PledgeFactory,
)
from campaigns.models import Pledge
from convivir.snippet_access import choosable_snippet_models
from convivir.snippet_api import PermittedSnippetViewSet
from directory.factories import EditorFactory, ServiceFactory
from directory.models import Organization, WrongInformationReport
from events.models import Venue
from networks.factories import (
    CoordinatorFactory,
    ProtectionNetworkFactory,
    ProtectionNetworkPageFactory,
    VolunteerIndexPageFactory,
)
from tests.campaigns.conftest import member_of
from tests.utils import add_child


def listing(model: str) -> str:
    app_label, model_name = model.split(".")
    return reverse(
        "wagtail_localize:snippets_api_listing", args=[app_label, model_name]
    )


def detail(instance) -> str:
    meta = instance._meta
    return reverse(
        "wagtail_localize:snippets_api_detail",
        args=[meta.app_label, meta.model_name, instance.pk],
    )


@pytest.fixture
def campaign(home):
    index = add_child(home, CampaignIndexPageFactory.build())
    return add_child(
        index,
        CampaignPageFactory.build(
            title="Aquí cabemos todas",
            pledge_enabled=True,
            pledge_text="Me comprometo a tratar con respeto a las personas migrantes.",
        ),
    )


@pytest.fixture
def pledges(campaign):
    return {
        "confirmed": PledgeFactory(campaign=campaign, name="Lucía Pérez"),
        "pending": PledgeFactory(campaign=campaign, confirmed_at=None),
    }


@pytest.fixture
def service(db):
    return ServiceFactory(name="Albergue Belén")


@pytest.fixture
def report(service):
    return WrongInformationReport.objects.create(
        service=service, what_is_wrong="Ya no abren los domingos."
    )


@pytest.fixture
def coordinator(db):
    user = CoordinatorFactory(username="ana")
    ProtectionNetworkFactory(name="Red Tapachula", coordinators=[user])
    return user


def test_the_routes_wagtail_localize_names_reach_the_permitted_views(db):
    for url in (
        listing("campaigns.pledge"),
        "/admin/localize/api/snippets/campaigns/pledge/1/",
    ):
        assert resolve(url).func.cls is PermittedSnippetViewSet


@pytest.mark.django_db
class TestNetworkCoordinator:
    def test_is_refused_the_pledges_and_the_reports(
        self, client, coordinator, pledges, report
    ):
        client.force_login(coordinator)
        for url in (
            listing("campaigns.pledge"),
            detail(pledges["confirmed"]),
            listing("directory.wronginformationreport"),
            detail(report),
        ):
            response = client.get(url)
            assert response.status_code == 403, url
            assert "Albergue Belén" not in response.content.decode()

    def test_gets_the_organisations_the_group_may_view(self, client, coordinator):
        service = ServiceFactory(organization__name="Casa del Migrante")
        client.force_login(coordinator)
        response = client.get(listing("directory.organization"))
        assert response.status_code == 200
        assert [item["title"] for item in response.json()] == ["Casa del Migrante"]
        assert client.get(detail(service.organization)).status_code == 200


@pytest.mark.django_db
class TestSuperuser:
    def test_gets_the_pledges_the_admin_lists(self, admin_client, pledges):
        confirmed = pledges["confirmed"]
        response = admin_client.get(listing("campaigns.pledge"))
        assert response.status_code == 200
        # Pending pledges are not listed in the admin either.
        assert response.json() == [
            {
                "id": confirmed.pk,
                "title": str(confirmed),
                "edit_url": f"/admin/snippets/campaigns/pledge/edit/{confirmed.pk}/",
            }
        ]
        # Not found: like any admin address that does not exist, it is sent
        # on to the language-prefixed address (LocaleMiddleware), not served.
        pending = admin_client.get(detail(pledges["pending"]))
        assert pending.status_code == 302
        assert pending["Location"] == "/es" + detail(pledges["pending"])

    def test_gets_the_reports(self, admin_client, report):
        response = admin_client.get(listing("directory.wronginformationreport"))
        assert response.status_code == 200
        assert [item["id"] for item in response.json()] == [report.pk]


@pytest.mark.django_db
class TestEditor:
    """The translation editor asks for a chosen snippet's title and edit
    link; a directory editor still gets them for what they may edit."""

    def test_gets_a_service_it_may_edit(self, client, service):
        client.force_login(EditorFactory())
        response = client.get(detail(service))
        assert response.status_code == 200
        assert response.json() == {
            "id": str(service.pk),
            "title": str(service),
            "edit_url": f"/admin/snippets/directory/service/edit/{service.pk}/",
        }

    def test_gets_the_reports_it_handles_but_no_pledges(self, client, report, pledges):
        client.force_login(EditorFactory())
        response = client.get(listing("directory.wronginformationreport"))
        assert [item["id"] for item in response.json()] == [report.pk]
        assert client.get(listing("campaigns.pledge")).status_code == 403

    def test_an_anonymous_visitor_is_sent_to_sign_in(self, client, report):
        response = client.get(detail(report))
        assert response.status_code == 302
        assert response["Location"].startswith("/admin/login/")


@pytest.mark.django_db
def test_the_translation_editor_shows_the_network_a_page_is_about(
    admin_client, home, home_en, english
):
    """Translating a network's page, the editor shows the chosen network
    (not translated, kept as chosen) by asking the API for it."""
    network = ProtectionNetworkFactory(name="Red Tapachula")
    index = add_child(home, VolunteerIndexPageFactory.build())
    page = add_child(index, ProtectionNetworkPageFactory.build(network=network))
    response = admin_client.post(
        f"/admin/localize/submit/page/{page.pk}/", {"locales": [english.pk]}
    )
    assert response.status_code == 302

    translated = page.get_translation(english)
    editor = admin_client.get(reverse("wagtailadmin_pages:edit", args=[translated.pk]))
    props = json.loads(
        html.unescape(re.search(r'data-props="([^"]*)"', editor.content.decode())[1])
    )
    choosers = [
        segment["location"]["widget"]["snippet_model"]["model_name"]
        for segment in props["segments"]
        if (segment["location"].get("widget") or {}).get("type") == "snippet_chooser"
    ]
    assert choosers == ["protectionnetwork"]
    assert f"{props['adminBaseUrl']}localize/api/snippets/" == (
        "/admin/localize/api/snippets/"
    )

    response = admin_client.get(detail(network))
    assert response.status_code == 200
    assert response.json()["title"] == "Red Tapachula"


@pytest.mark.django_db
def test_a_writer_without_network_permissions_gets_a_chosen_network_only(
    client, pledges
):
    """A snippet pages point to is named to whoever translates them (as
    Wagtail's snippet chooser lists it to every editor); the list of them,
    and snippets no page points to, stay refused."""
    network = ProtectionNetworkFactory(name="Red Tapachula")
    client.force_login(member_of(COMMUNICATIONS_GROUP, "redactora"))

    response = client.get(detail(network))
    assert response.status_code == 200
    assert response.json()["title"] == "Red Tapachula"
    assert client.get(listing("networks.protectionnetwork")).status_code == 403
    # Writers may view pledges: those they get, in full.
    assert client.get(detail(pledges["confirmed"])).status_code == 200


def chooser(model: str, view: str = "choose", *args) -> str:
    app_label, model_name = model.split(".")
    return reverse(f"wagtailsnippetchoosers_{app_label}_{model_name}:{view}", args=args)


def test_only_snippets_no_field_points_to_have_their_chooser_limited(db):
    choosable = choosable_snippet_models()
    assert {Organization, Venue} <= choosable
    assert Pledge not in choosable
    assert WrongInformationReport not in choosable


@pytest.mark.django_db
class TestSnippetChooser:
    def test_a_coordinator_cannot_page_through_pledges_or_reports(
        self, client, coordinator, pledges, report
    ):
        client.force_login(coordinator)
        pledge = pledges["confirmed"]
        for url in (
            chooser("campaigns.pledge"),
            chooser("campaigns.pledge", "choose_results"),
            chooser("campaigns.pledge", "chosen", pledge.pk),
            chooser("directory.wronginformationreport"),
            chooser("directory.wronginformationreport", "choose_results"),
        ):
            # As the chooser's modal asks.
            response = client.get(url, headers={"x-requested-with": "XMLHttpRequest"})
            assert response.status_code == 403, url
            assert "Albergue Belén" not in response.content.decode()
        # Opened as a page, the admin's usual refusal: back to the dashboard.
        response = client.get(chooser("campaigns.pledge"))
        assert response.status_code == 302
        assert response["Location"] == "/admin/"

    def test_a_coordinator_still_picks_a_network(self, client, coordinator):
        client.force_login(coordinator)
        response = client.get(chooser("networks.protectionnetwork"))
        assert response.status_code == 200
        assert "Red Tapachula" in response.json()["html"]

    def test_staff_who_may_list_them_still_choose_them(
        self, client, admin_client, report
    ):
        response = admin_client.get(chooser("directory.wronginformationreport"))
        assert response.status_code == 200
        assert "Albergue Belén" in response.json()["html"]
        client.force_login(EditorFactory())
        response = client.get(
            chooser("directory.wronginformationreport", "chosen", report.pk)
        )
        assert response.status_code == 200
        assert response.json()["result"]["id"] == str(report.pk)
