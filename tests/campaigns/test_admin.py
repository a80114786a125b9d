"""The admin side: the "Communications" group, its rights and review
workflow, the testimony consent rule, and the pledges' CSV export."""

import csv
import io

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Workflow
from wagtail.permissions import policy_registry
from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import (
    inline_formset,
    nested_form_data,
    rich_text,
    streamfield,
)

import pytest

from campaigns.admin.permissions import (
    COMMUNICATIONS_GROUP,
    REVIEW_WORKFLOW,
    REVIEWERS_GROUP,
)
from campaigns.factories import (
    CampaignIndexPageFactory,
    PledgeFactory,
)
from campaigns.models import CampaignPage
from convivir.factories import CustomImageFactory
from convivir.models import HomePage
from tests.campaigns.conftest import make_campaign
from tests.utils import add_child

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor(db):
    user = get_user_model().objects.create_user(
        username="comunicacion", email="com@convivir.example", password="x"
    )
    user.groups.add(Group.objects.get(name=COMMUNICATIONS_GROUP))
    return user


def campaign_form(image, body, **overrides):
    data = {
        "title": "Nueva campaña",
        "slug": "nueva-campana",
        "hero_image": image.pk,
        "hero_alt": "Dibujo de una casa abierta",
        "summary": "Una campaña nueva.",
        "start_date": "2026-04-01",
        "end_date": "",
        "targets": inline_formset([{"state": "chiapas", "municipality": "Tapachula"}]),
        "body": streamfield(body),
        "toolkit": streamfield([]),
        "related_campaigns": streamfield([]),
        "pledge_enabled": "",
        "pledge_text": "",
        "seo_title": "",
        "search_description": "",
    }
    data.update(overrides)
    return nested_form_data(data)


def a_testimony(consent: bool):
    value = {
        "quote": "Me recibieron como a una vecina más.",
        "name": "Marisol",
        "first_name_only": "on",
        "place": "Tenosique",
    }
    if consent:
        value["consent_given"] = "on"
    return ("testimony", value)


def add_url(index):
    return f"/admin/pages/add/campaigns/campaignpage/{index.pk}/"


def test_communications_group_can_create_campaigns(
    client, editor, campaign_index, home
):
    client.force_login(editor)
    form_page = client.get(add_url(campaign_index)).content.decode()
    assert 'name="hero_alt"' in form_page and 'name="is_featured"' in form_page
    image = CustomImageFactory()
    response = client.post(
        add_url(campaign_index),
        campaign_form(
            image,
            [("paragraph", rich_text("<p>Hola</p>"))],
            **{"action-submit": "1"},
        ),
    )
    assert response.status_code == 302, response.content.decode()[:3000]
    page = CampaignPage.objects.get(slug="nueva-campana")
    # Submitted for review: publishing is the reviewers' (test_review.py).
    assert not page.live and page.current_workflow_state
    assert page.targets.get().municipality == "Tapachula"
    # Nothing outside the campaigns: the home page is not theirs to edit.
    assert client.get(f"/admin/pages/{home.pk}/edit/").status_code == 302


def test_a_testimony_without_consent_cannot_be_saved(client, editor, campaign_index):
    client.force_login(editor)
    image = CustomImageFactory()
    response = client.post(
        add_url(campaign_index),
        campaign_form(image, [a_testimony(consent=False)], **{"action-submit": "1"}),
    )
    assert response.status_code == 200
    html = response.content.decode()
    # The admin shows the block's error beside the checkbox (in the
    # editor's language, Spanish here).
    assert "Un testimonio solo puede publicarse con el consentimiento" in html
    assert not CampaignPage.objects.filter(slug="nueva-campana").exists()

    response = client.post(
        add_url(campaign_index),
        campaign_form(image, [a_testimony(consent=True)], **{"action-submit": "1"}),
    )
    assert response.status_code == 302
    assert CampaignPage.objects.get(slug="nueva-campana").current_workflow_state


def test_editors_submit_campaigns_to_the_review_workflow(
    client, editor, campaign_index
):
    workflow = Workflow.objects.get(name=REVIEW_WORKFLOW)
    assert campaign_index.get_workflow() == workflow
    client.force_login(editor)
    image = CustomImageFactory()
    response = client.post(
        add_url(campaign_index),
        campaign_form(image, [], **{"action-submit": "1"}),
    )
    assert response.status_code == 302
    page = CampaignPage.objects.get(slug="nueva-campana")
    assert not page.live
    state = page.current_workflow_state
    assert state is not None and state.workflow == workflow
    reviewers = state.current_task_state.task.specific.groups
    assert list(reviewers.values_list("name", flat=True)) == [REVIEWERS_GROUP]


def test_group_rights_on_images_documents_and_pledges(editor):
    for permission in [
        "wagtailadmin.access_admin",
        "campaigns.view_pledge",
        "campaigns.change_theme",
    ]:
        assert editor.has_perm(permission), permission
    assert not editor.has_perm("campaigns.delete_pledge")
    images = policy_registry.get_by_type(get_image_model())
    documents = policy_registry.get_by_type(get_document_model())
    for action in ("add", "change", "choose"):
        assert images.user_has_permission(editor, action)
        assert documents.user_has_permission(editor, action)


def test_staff_export_confirmed_pledges_as_csv(client, editor, campaign):
    PledgeFactory(campaign=campaign, name="Ana", email="ana@correo.example")
    PledgeFactory(campaign=campaign, is_anonymous=True, name="", email="b@c.example")
    PledgeFactory(
        campaign=campaign, email="pendiente@correo.example", confirmed_at=None
    )
    client.force_login(editor)
    listing = client.get("/admin/snippets/campaigns/pledge/")
    assert listing.status_code == 200
    response = client.get("/admin/snippets/campaigns/pledge/?export=csv")
    assert response.status_code == 200
    content = b"".join(response.streaming_content).decode("utf-8-sig")
    rows = list(csv.DictReader(io.StringIO(content)))
    assert {row["Correo electrónico"] for row in rows} == {
        "ana@correo.example",
        "b@c.example",
    }
    assert {row["Nombre"] for row in rows} == {"Ana", ""}
    assert all(row["Campaña"] == "Aquí cabemos todas" for row in rows)


def test_the_pledge_export_never_holds_a_formula(client, editor, campaign):
    PledgeFactory(campaign=campaign, name="=1+2", municipality="@SUM(A1)")
    client.force_login(editor)
    listing = client.get("/admin/snippets/campaigns/pledge/").content.decode()
    assert "Nombre" in listing
    response = client.get("/admin/snippets/campaigns/pledge/?export=csv")
    content = b"".join(response.streaming_content).decode("utf-8-sig")
    row = next(csv.DictReader(io.StringIO(content)))
    assert row["Nombre"] == "'=1+2"
    assert row["Municipio"] == "'@SUM(A1)"


def test_people_without_the_permission_see_no_pledges(client, campaign):
    user = get_user_model().objects.create_user(username="otra", password="x")
    user.groups.add(Group.objects.get(name="Editors"))
    PledgeFactory(campaign=campaign)
    client.force_login(user)
    response = client.get("/admin/snippets/campaigns/pledge/?export=csv")
    assert response.status_code in (302, 403)


class TestPreview(WagtailPageTestCase):
    def test_campaign_pages_can_be_previewed(self):
        home = HomePage.objects.get(locale__language_code="es", depth=2)
        index = add_child(home, CampaignIndexPageFactory.build())
        page = make_campaign(index, slug="vista-previa")
        form = campaign_form(
            page.hero_image,
            [("paragraph", rich_text("<p>Borrador en revisión</p>"))],
            slug="vista-previa",
        )
        self.assertPageIsPreviewable(page, post_data=form)
