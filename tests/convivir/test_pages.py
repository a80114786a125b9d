"""Home and content pages: where they may be created, how the admin creates
them, and what visitors see in Spanish and English."""

import re

from django.urls import reverse

from wagtail.models import Page
from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import (
    nested_form_data,
    rich_text,
    streamfield,
)

import pytest

from convivir.factories import ContentPageFactory, CustomImageFactory
from convivir.models import ContentPage, HomePage
from tests.utils import add_child, translate_page


def stream_errors(response, field: str) -> dict:
    """The validation errors of a StreamField in an admin form, as the admin
    sends them to its editor (nested by block position and child name)."""
    (error,) = response.context["form"].errors.as_data()[field]
    return error.as_json_data()


class PageTypeRulesTests(WagtailPageTestCase):
    def test_home_page_only_under_the_root(self):
        self.assertAllowedParentPageTypes(HomePage, {Page})
        self.assertCanNotCreateAt(ContentPage, HomePage)
        self.assertCanNotCreateAt(HomePage, HomePage)

    def test_content_page_under_home_and_content_pages(self):
        self.assertAllowedParentPageTypes(ContentPage, {HomePage, ContentPage})
        self.assertAllowedSubpageTypes(ContentPage, {ContentPage})
        self.assertCanNotCreateAt(Page, ContentPage)


class AdminCreatesPagesTests(WagtailPageTestCase):
    def setUp(self):
        self.login()
        self.home = HomePage.objects.get(locale__language_code="es", depth=2)

    def test_editor_creates_content_page_with_every_body_block(self):
        image = CustomImageFactory()
        self.assertCanCreate(
            self.home,
            ContentPage,
            nested_form_data(
                {
                    "title": "Conoce tus derechos",
                    "slug": "conoce-tus-derechos",
                    "summary": "Tus derechos en México.",
                    "body": streamfield(
                        [
                            ("heading", {"text": "Salud", "level": "h2"}),
                            ("paragraph", rich_text("<p>La atención es gratuita.</p>")),
                            (
                                "image",
                                {
                                    "image": image.pk,
                                    "alt_text": "Un libro abierto",
                                    "caption": "",
                                },
                            ),
                            ("quote", {"quote": "Nadie es ilegal.", "attribution": ""}),
                            (
                                "call_to_action",
                                {
                                    "heading": "¿Necesitas ayuda?",
                                    "text": "",
                                    "button_label": "Buscar ayuda",
                                    "link": {"page": self.home.pk, "url": ""},
                                },
                            ),
                            (
                                "video",
                                {
                                    "url": "https://www.youtube.com/watch?v=abc123XYZ_0",
                                    "title": "Un video",
                                    "description": "",
                                },
                            ),
                        ]
                    ),
                    "show_table_of_contents": "on",
                }
            ),
        )
        page = ContentPage.objects.get(slug="conoce-tus-derechos")
        assert page.live
        assert [block.block_type for block in page.body] == [
            "heading",
            "paragraph",
            "image",
            "quote",
            "call_to_action",
            "video",
        ]

    def test_image_block_without_alt_text_is_rejected(self):
        image = CustomImageFactory()
        data = nested_form_data(
            {
                "title": "Sin texto alternativo",
                "slug": "sin-texto-alternativo",
                "body": streamfield(
                    [("image", {"image": image.pk, "alt_text": "", "caption": ""})]
                ),
                "action-publish": "action-publish",
            }
        )
        url = reverse(
            "wagtailadmin_pages:add", args=["convivir", "contentpage", self.home.pk]
        )
        response = self.client.post(url, data)
        assert response.status_code == 200
        assert not ContentPage.objects.filter(slug="sin-texto-alternativo").exists()
        errors = stream_errors(response, "body")
        assert errors == {
            "blockErrors": {
                0: {
                    "blockErrors": {
                        "alt_text": {"messages": ["Este campo es obligatorio."]}
                    }
                }
            }
        }

    def test_call_to_action_needs_a_page_or_an_address(self):
        data = nested_form_data(
            {
                "title": "Llamado",
                "slug": "llamado",
                "body": streamfield(
                    [
                        (
                            "call_to_action",
                            {
                                "heading": "Ayuda",
                                "text": "",
                                "button_label": "Ir",
                                "link": {"page": "", "url": ""},
                            },
                        )
                    ]
                ),
                "action-publish": "action-publish",
            }
        )
        url = reverse(
            "wagtailadmin_pages:add", args=["convivir", "contentpage", self.home.pk]
        )
        response = self.client.post(url, data)
        assert not ContentPage.objects.filter(slug="llamado").exists()
        link_errors = stream_errors(response, "body")["blockErrors"][0]["blockErrors"]
        assert link_errors["link"]["blockErrors"]["page"]["messages"] == [
            "Elige una página o escribe una dirección web."
        ]

    def test_video_block_accepts_only_youtube_or_vimeo(self):
        data = nested_form_data(
            {
                "title": "Video externo",
                "slug": "video-externo",
                "body": streamfield(
                    [
                        (
                            "video",
                            {
                                "url": "https://tracker.example.com/v/1",
                                "title": "Video",
                                "description": "",
                            },
                        )
                    ]
                ),
                "action-publish": "action-publish",
            }
        )
        url = reverse(
            "wagtailadmin_pages:add", args=["convivir", "contentpage", self.home.pk]
        )
        response = self.client.post(url, data)
        assert not ContentPage.objects.filter(slug="video-externo").exists()
        video_errors = stream_errors(response, "body")["blockErrors"][0]["blockErrors"]
        assert video_errors["url"]["messages"] == [
            "Escribe la dirección de un video de YouTube o Vimeo."
        ]

    def test_home_page_can_be_created_under_the_root(self):
        root = Page.objects.get(depth=1)
        self.assertCanCreate(
            root,
            HomePage,
            nested_form_data(
                {
                    "title": "Segundo sitio",
                    "slug": "segundo-sitio",
                    "hero_heading": "Otro sitio",
                    "intro": rich_text("<p>Hola.</p>"),
                    "featured": streamfield([]),
                }
            ),
        )
        assert HomePage.objects.filter(slug="segundo-sitio", live=True).exists()

    def test_pages_are_renderable(self):
        # (Wagtail's assertPageIsRoutable does not know language prefixes;
        # routing is tested through the client in TestRendering.)
        page = ContentPage(title="Derechos", slug="derechos", summary="Resumen.")
        self.home.add_child(instance=page)
        page.save_revision().publish()
        for candidate in (self.home, page):
            self.assertPageIsRenderable(candidate)

    def test_home_page_is_editable_and_previewable(self):
        data = nested_form_data(
            {
                "title": "Inicio",
                "slug": "inicio",
                "hero_heading": "Convivir: comunidades que acogen",
                "hero_text": "",
                "hero_image_alt": "",
                "hero_cta_label": "",
                "intro": rich_text("<p>Bienvenida.</p>"),
                "featured": streamfield([]),
            }
        )
        self.assertPageIsEditable(self.home, post_data=data)
        self.assertPageIsPreviewable(self.home, post_data=data)

    def test_hero_image_needs_its_alternative_text(self):
        image = CustomImageFactory()
        data = nested_form_data(
            {
                "title": "Inicio",
                "slug": "inicio",
                "hero_heading": "Convivir",
                "hero_image": image.pk,
                "hero_image_alt": "",
                "intro": rich_text(""),
                "featured": streamfield([]),
                "action-publish": "action-publish",
            }
        )
        url = reverse("wagtailadmin_pages:edit", args=[self.home.pk])
        response = self.client.post(url, data)
        assert response.status_code == 200
        assert response.context["form"].errors["hero_image_alt"] == [
            "Describe la imagen para quienes no pueden verla."
        ]
        self.home.refresh_from_db()
        assert self.home.hero_image_id is None


@pytest.mark.django_db
class TestRendering:
    def test_home_page_renders_in_spanish_and_english(self, client, home, home_en):
        spanish = client.get("/es/")
        english = client.get("/en/")
        assert spanish.status_code == 200
        assert english.status_code == 200
        assert '<html lang="es">' in spanish.content.decode()
        assert '<html lang="en">' in english.content.decode()
        assert "Saltar al contenido principal" in spanish.content.decode()
        assert "Skip to main content" in english.content.decode()
        assert "Welcome" in english.content.decode()

    def test_content_page_renders_in_both_languages(
        self, client, home, home_en, english
    ):
        page = add_child(
            home,
            ContentPage(
                title="Derecho a la salud",
                slug="derecho-a-la-salud",
                summary="La atención de urgencia es gratuita.",
            ),
        )
        translate_page(
            page,
            english,
            title="The right to health care",
            slug="right-to-health-care",
            summary="Emergency care is free.",
        )
        spanish = client.get("/es/derecho-a-la-salud/")
        english_response = client.get("/en/right-to-health-care/")
        assert "La atención de urgencia es gratuita." in spanish.content.decode()
        assert "Emergency care is free." in english_response.content.decode()
        assert "<h1>The right to health care</h1>" in english_response.content.decode()

    def test_language_switcher_links_to_the_translation(
        self, client, home, home_en, english
    ):
        page = add_child(home, ContentPage(title="Aviso de privacidad", slug="aviso"))
        translate_page(page, english, title="Privacy notice", slug="privacy-notice")
        html = client.get("/es/aviso/").content.decode()
        switcher = html[html.index('class="language-switcher"') :]
        switcher = switcher[: switcher.index("</nav>")]
        assert 'href="/en/privacy-notice/"' in switcher
        assert 'hreflang="en"' in switcher
        # The alternates in <head> name both versions.
        assert (
            '<link rel="alternate" hreflang="en" href="https://convivir.example.org/en/privacy-notice/">'
            in html
        )
        back = client.get("/en/privacy-notice/").content.decode()
        assert 'href="/es/aviso/"' in back

    def test_switcher_falls_back_to_the_home_page_without_translation(
        self, client, home, home_en
    ):
        add_child(home, ContentPage(title="Solo en español", slug="solo-es"))
        html = client.get("/es/solo-es/").content.decode()
        assert 'href="/en/" hreflang="en"' in html
        # No hreflang alternate is claimed for a translation that does not exist.
        assert 'rel="alternate" hreflang="en"' not in html

    def test_body_blocks_render(self, client, home):
        image = CustomImageFactory(credit="Foto: Convivir")
        page = add_child(
            home,
            ContentPageFactory.build(
                title="Bloques",
                slug="bloques",
                show_table_of_contents=True,
                body=[
                    ("heading", {"text": "Primera sección", "level": "h2"}),
                    (
                        "image",
                        {"image": image, "alt_text": "Un camino", "caption": "Ruta"},
                    ),
                    ("quote", {"quote": "Convivir es posible.", "attribution": "Ana"}),
                    (
                        "video",
                        {
                            "url": "https://youtu.be/abc123XYZ_0",
                            "title": "Testimonios",
                            "description": "",
                        },
                    ),
                    (
                        "accordion",
                        {
                            "heading": "Preguntas",
                            "items": [
                                {"question": "¿Cuesta algo?", "answer": "<p>No.</p>"}
                            ],
                        },
                    ),
                ],
            ),
        )
        html = client.get(page.url).content.decode()
        heading_id = re.search(r'<h2 id="(s-[^"]+)">Primera sección</h2>', html).group(
            1
        )
        assert (
            f'<a href="#{heading_id}">Primera sección</a>' in html
        )  # table of contents
        assert 'alt="Un camino"' in html
        assert "format-webp" in html and "srcset=" in html
        assert "Ruta · Foto: Convivir" in html
        assert "<blockquote><p>Convivir es posible.</p></blockquote>" in html
        assert "<summary>¿Cuesta algo?</summary>" in html
        # The video loads nothing from YouTube until asked: no iframe, only a
        # link and a hidden button carrying the privacy-friendly player address.
        assert "<iframe" not in html
        assert (
            'data-video-src="https://www.youtube-nocookie.com/embed/abc123XYZ_0"'
            in html
        )
        assert 'href="https://youtu.be/abc123XYZ_0"' in html

    def test_content_page_lists_its_live_children_and_breadcrumbs(self, client, home):
        parent = add_child(
            home, ContentPage(title="Conoce tus derechos", slug="derechos")
        )
        add_child(parent, ContentPage(title="Salud", slug="salud", summary="Gratis."))
        draft = ContentPage(title="Borrador", slug="borrador", live=False)
        parent.add_child(instance=draft)
        html = client.get("/es/derechos/").content.decode()
        assert "Salud" in html and "Gratis." in html
        assert "Borrador" not in html
        child_html = client.get("/es/derechos/salud/").content.decode()
        assert 'aria-label="Ruta de navegación"' in child_html
        assert 'href="/es/derechos/">Conoce tus derechos</a>' in child_html

    def test_draft_page_is_not_public(self, client, home):
        home.add_child(instance=ContentPage(title="Oculta", slug="oculta", live=False))
        assert client.get("/es/oculta/").status_code == 404
