"""The core app's admin: navigation snippets per language, the e-mail log,
periodic jobs."""

from datetime import timedelta

from django.contrib.auth.models import Group, Permission, User
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

import pytest

from convivir.factories import MainMenuFactory, MainMenuItemFactory
from convivir.models import MainMenu, OutgoingEmail, PeriodicJobRun
from convivir.periodic import periodic_jobs

pytestmark = pytest.mark.django_db


def test_editor_adds_a_menu_link_in_the_admin(admin_client, home, spanish):
    menu = MainMenuFactory(locale=spanish)
    url = reverse("wagtailsnippets_convivir_mainmenu:edit", args=[menu.pk])
    assert admin_client.get(url).status_code == 200
    response = admin_client.post(
        url,
        {
            "name": "Menú principal",
            "items-TOTAL_FORMS": "1",
            "items-INITIAL_FORMS": "0",
            "items-MIN_NUM_FORMS": "0",
            "items-MAX_NUM_FORMS": "1000",
            "items-0-label": "Inicio",
            "items-0-link_page": str(home.pk),
            "items-0-link_url": "",
            "items-0-ORDER": "1",
            "items-0-id": "",
            "items-0-DELETE": "",
        },
    )
    assert response.status_code == 302
    (item,) = menu.items.all()
    assert item.label == "Inicio"
    assert item.locale_id == spanish.pk
    html = admin_client.get("/es/").content.decode()
    assert '<a href="/es/" aria-current="page">Inicio</a>' in html


def test_menu_link_needs_a_page_or_an_address(spanish):
    item = MainMenuItemFactory.build(
        menu=MainMenuFactory(locale=spanish), link_url="", link_page=None
    )
    with pytest.raises(ValidationError) as error:
        item.full_clean()
    assert error.value.message_dict["link_page"] == [
        "Elige una página o escribe una dirección."
    ]


def test_only_one_menu_per_language(spanish, english):
    MainMenuFactory(locale=spanish)
    with pytest.raises(ValidationError, match="Ya existe uno para este idioma"):
        MainMenu(locale=spanish, name="Otro").full_clean()
    MainMenu(locale=english, name="Main").full_clean()


def test_english_visitors_fall_back_to_the_spanish_menu(client, home, home_en, spanish):
    MainMenuItemFactory(menu=MainMenuFactory(locale=spanish), label="Solo en español")
    assert "Solo en español" in client.get("/en/").content.decode()


def outgoing(status, **fields):
    return OutgoingEmail.objects.create(
        to="ana@example.org",
        language="es",
        template="convivir/email/test_message",
        subject="Asunto",
        body_text="Texto privado con un enlace firmado",
        status=status,
        **fields,
    )


def test_staff_see_failed_emails_but_not_their_bodies(admin_client):
    email = outgoing(OutgoingEmail.Status.FAILED, last_error="ConnectionError: down")
    listing = admin_client.get(reverse("outgoing_email:index") + "?status=failed")
    assert listing.status_code == 200
    assert "ana@example.org" in listing.content.decode()
    detail = admin_client.get(reverse("outgoing_email:inspect", args=[email.pk]))
    html = detail.content.decode()
    assert "ConnectionError: down" in html
    assert "Texto privado" not in html


def test_nobody_edits_the_email_log(admin_client):
    email = outgoing(OutgoingEmail.Status.SENT)
    assert admin_client.get(reverse("outgoing_email:add")).status_code == 302
    assert (
        admin_client.get(reverse("outgoing_email:edit", args=[email.pk])).status_code
        == 302
    )
    admin_client.post(reverse("outgoing_email:delete", args=[email.pk]))
    assert OutgoingEmail.objects.filter(pk=email.pk).exists()


def test_editor_without_permission_cannot_see_the_email_log(client):
    editor = User.objects.create_user("editora", password="una-clave-larga-123")
    editor.groups.add(Group.objects.get(name="Editors"))
    client.force_login(editor)
    response = client.get(reverse("outgoing_email:index"))
    assert response.status_code in (302, 403)
    editor.user_permissions.add(Permission.objects.get(codename="view_outgoingemail"))
    assert client.get(reverse("outgoing_email:index")).status_code == 200


def test_periodic_jobs_are_queued_once_per_interval(django_capture_on_commit_callbacks):
    assert {job.name for job in periodic_jobs} >= {
        "send_pending_emails",
        "purge_old_emails",
        "publish_scheduled",
    }
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        first = periodic_jobs.enqueue_due()
    assert set(first) >= {"send_pending_emails", "purge_old_emails"}
    assert len(callbacks) == len(first)
    assert periodic_jobs.enqueue_due() == []
    # A run that comes round a few seconds early still counts as on time.
    later = timezone.now() + timedelta(minutes=5) - timedelta(seconds=10)
    assert periodic_jobs.enqueue_due(now=later) == [
        "publish_scheduled",
        "send_pending_emails",
    ]
    assert periodic_jobs.enqueue_due(now=later + timedelta(minutes=1)) == [
        "publish_scheduled"
    ]
    assert PeriodicJobRun.objects.get(name="purge_old_emails").last_enqueued_at


def test_run_periodic_tasks_command(capsys, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        call_command("run_periodic_tasks")
    assert "purge_old_emails" in capsys.readouterr().out
    call_command("run_periodic_tasks")
    assert "Nothing due." in capsys.readouterr().out


def test_menu_link_to_home_is_not_marked_on_every_page(client, home, spanish):
    from convivir.models import ContentPage
    from tests.utils import add_child

    menu = MainMenuFactory(locale=spanish)
    MainMenuItemFactory(menu=menu, label="Inicio", link_page=home, link_url="")
    page = add_child(home, ContentPage(title="Derechos", slug="derechos"))
    MainMenuItemFactory(menu=menu, label="Derechos", link_page=page, link_url="")
    add_child(page, ContentPage(title="Salud", slug="salud"))
    html = client.get("/es/derechos/salud/").content.decode()
    assert '<a href="/es/">Inicio</a>' in html
    assert '<a href="/es/derechos/" aria-current="true">Derechos</a>' in html


@pytest.mark.parametrize(
    "address", ["javascript:alert(1)", "//otro.example/x", "data:text/html,x", "www"]
)
def test_menu_address_must_be_web_mail_phone_or_local(spanish, address):
    item = MainMenuItemFactory.build(
        menu=MainMenuFactory(locale=spanish), link_url=address
    )
    with pytest.raises(ValidationError) as error:
        item.full_clean()
    assert "link_url" in error.value.message_dict


@pytest.mark.parametrize(
    "address",
    ["https://cndh.org.mx", "mailto:contacto@convivir.mx", "tel:+52911", "/es/"],
)
def test_good_menu_addresses_are_accepted(spanish, address):
    MainMenuItemFactory.build(
        menu=MainMenuFactory(locale=spanish), link_url=address
    ).full_clean()


def test_spanish_menu_shown_on_english_pages_says_it_is_spanish(
    client, home, home_en, spanish
):
    from convivir.models import ContentPage
    from tests.utils import add_child

    page = add_child(home, ContentPage(title="Solo en español", slug="solo"))
    MainMenuItemFactory(
        menu=MainMenuFactory(locale=spanish), label="Solo", link_page=page, link_url=""
    )
    html = client.get("/en/").content.decode()
    assert '<ul lang="es">' in html
    assert '<a href="/es/solo/" hreflang="es">Solo</a>' in html


def test_set_site_address_follows_base_url(settings, home, capsys):
    from wagtail.models import Site

    settings.BASE_URL = "https://apoyo.example.net:8443"
    call_command("set_site_address")
    site = Site.objects.get(is_default_site=True)
    assert (site.hostname, site.port) == ("apoyo.example.net", 8443)
    assert "apoyo.example.net, port 8443" in capsys.readouterr().out
