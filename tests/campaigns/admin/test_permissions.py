"""Writers submit, reviewers publish, writers translate
(:mod:`campaigns.admin.permissions`): the Communications group and the
Campaign reviewers group in the admin, as real users, and the review
workflow their pages go through."""

import importlib
from urllib.parse import urlencode

from django.apps import apps
from django.contrib.auth.models import Group, Permission
from django.urls import reverse

from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import GroupPagePermission, Page, Workflow
from wagtail.permissions import policy_registry
from wagtail.test.utils.form_data import (
    rich_text,
)
from wagtail_localize.models import StringSegment, Translation

import pytest

from campaigns.admin.permissions import (
    COMMUNICATIONS_GROUP,
    REVIEW_WORKFLOW,
    REVIEWERS_GROUP,
)
from campaigns.models import CampaignPage
from convivir.factories import CustomImageFactory
from tests.campaigns.conftest import add_url, campaign_form, make_campaign, member_of

pytestmark = pytest.mark.django_db


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
    assert client.get(edit_url(home)).status_code == 302


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


@pytest.fixture
def writer(db):
    return member_of(COMMUNICATIONS_GROUP, "redactora")


@pytest.fixture
def reviewer(db):
    return member_of(REVIEWERS_GROUP, "revisora")


def edit_url(page):
    return reverse("wagtailadmin_pages:edit", args=[page.pk])


def submit_for_review(client, campaign_index) -> CampaignPage:
    response = client.post(
        add_url(campaign_index),
        campaign_form(CustomImageFactory(), [], **{"action-submit": "1"}),
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    return CampaignPage.objects.get(slug="nueva-campana")


def approve_url(page):
    task_state = page.current_workflow_state.current_task_state
    return reverse(
        "wagtailadmin_pages:workflow_action", args=[page.pk, "approve", task_state.pk]
    )


def test_a_writer_is_offered_no_publish_action_and_cannot_publish(
    client, writer, campaign_index
):
    client.force_login(writer)
    html = client.get(add_url(campaign_index)).content.decode()
    assert 'name="action-submit"' in html
    assert 'name="action-publish"' not in html

    response = client.post(
        add_url(campaign_index),
        campaign_form(CustomImageFactory(), [], **{"action-publish": "1"}),
    )
    assert response.status_code == 302
    assert not CampaignPage.objects.get(slug="nueva-campana").live

    campaign = make_campaign(campaign_index, title="Aquí cabemos", slug="aqui")
    html = client.get(edit_url(campaign)).content.decode()
    assert 'name="action-submit"' in html
    assert 'name="action-publish"' not in html
    form = campaign_form(
        campaign.hero_image,
        [],
        title="Aquí cabemos todas",
        slug="aqui",
        **{"action-publish": "1"},
    )
    assert client.post(edit_url(campaign), form).status_code == 302
    campaign.refresh_from_db()
    assert campaign.title == "Aquí cabemos"
    assert campaign.get_latest_revision().as_object().title == "Aquí cabemos todas"


def test_a_writer_submits_and_a_reviewer_approves_and_publishes(
    client, writer, reviewer, campaign_index
):
    client.force_login(writer)
    page = submit_for_review(client, campaign_index)
    assert not page.live
    assert page.current_workflow_state.status == "in_progress"
    # Writers cannot approve (the admin refuses and goes to the dashboard).
    response = client.post(approve_url(page), {"comment": ""})
    assert response.status_code in (302, 403) and response.url == "/admin/"
    page.refresh_from_db()
    assert not page.live

    client.force_login(reviewer)
    dashboard = client.get("/admin/").content.decode()
    assert "Nueva campaña" in dashboard
    assert client.get(edit_url(page)).status_code == 200
    response = client.post(approve_url(page), {"comment": ""})
    assert response.status_code == 302
    page.refresh_from_db()
    assert page.live
    assert client.get("/es/campanas/nueva-campana/").status_code == 200


def test_a_writer_translates_and_a_reviewer_publishes_the_translation(
    client,
    writer,
    reviewer,
    campaign_index,
    home_en,
    english,
    django_capture_on_commit_callbacks,
):
    campaign = make_campaign(campaign_index, title="Aquí cabemos", slug="aqui")
    client.force_login(writer)
    submit_url = f"/admin/localize/submit/page/{campaign.pk}/"
    assert client.get(submit_url).status_code == 200
    response = client.post(submit_url, {"locales": [english.pk]})
    assert response.status_code == 302

    translated = campaign.get_translation(english)
    assert not translated.live
    # The English campaign list was created with the same rights, so the
    # writer can work on the English page in the translation editor.
    assert client.get(edit_url(translated)).status_code == 200
    job = Translation.objects.get(
        source__object_id=campaign.translation_key, target_locale=english
    )
    title = StringSegment.objects.get(source=job.source, context__path="title")
    response = client.put(
        f"/admin/localize/translate/{job.pk}/strings/{title.pk}/edit/",
        urlencode({"value": "Room for all"}),
        content_type="application/x-www-form-urlencoded",
    )
    assert response.status_code == 201
    # ...but publishing it is the reviewers' job.
    response = client.post(edit_url(translated), {"action": "publish"})
    assert response.status_code in (302, 403) and response.url == "/admin/"
    translated.refresh_from_db()
    assert not translated.live

    client.force_login(reviewer)
    # wagtail-localize publishes when the transaction commits.
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(edit_url(translated), {"action": "publish"})
    assert response.status_code == 302
    translated.refresh_from_db()
    assert translated.live and translated.title == "Room for all"


def page_rights(group_name, page) -> set[str]:
    return set(
        GroupPagePermission.objects.filter(
            group__name=group_name, page=page
        ).values_list("permission__codename", flat=True)
    )


def test_each_new_list_gives_writers_and_reviewers_their_rights(
    campaign_index, library
):
    for page in (campaign_index, library):
        assert page_rights(COMMUNICATIONS_GROUP, page) == {"add_page", "change_page"}
        assert page_rights(REVIEWERS_GROUP, page) == {"change_page", "publish_page"}
    root = Page.get_first_root_node()
    assert not page_rights(COMMUNICATIONS_GROUP, root)
    assert not page_rights(REVIEWERS_GROUP, root)


def test_the_migration_takes_publishing_from_writers_on_existing_lists(
    campaign_index, library
):
    # A list created before the change: writers could publish, reviewers
    # had nothing.
    publish = Permission.objects.get(codename="publish_page")
    for page in (campaign_index, library):
        GroupPagePermission.objects.filter(
            group__name=REVIEWERS_GROUP, page=page
        ).delete()
        GroupPagePermission.objects.create(
            group=Group.objects.get(name=COMMUNICATIONS_GROUP),
            page=page,
            permission=publish,
        )
    migration = importlib.import_module("campaigns.migrations.0003_campaign_reviewers")

    migration.split_roles(apps, None)

    for page in (campaign_index, library):
        assert page_rights(COMMUNICATIONS_GROUP, page) == {"add_page", "change_page"}
        assert page_rights(REVIEWERS_GROUP, page) == {"change_page", "publish_page"}
    writers = Group.objects.get(name=COMMUNICATIONS_GROUP)
    assert writers.permissions.filter(codename="submit_translation").exists()
