"""Helpers and the loader registry for demo content (``manage.py load_demo``).

Each app that has demo data provides a ``demo`` module that registers a
loader here (``demo_loaders.register("events", load, order=30)``). The
command imports every installed app's ``demo`` module and runs the loaders
in order. Loaders must be idempotent: running the command twice changes
nothing. The helpers below make that easy.
"""

import io
import uuid
from collections.abc import Callable
from dataclasses import dataclass

from django.core.files.base import ContentFile
from django.core.files.images import ImageFile

from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Locale

from convivir.demo.images import make_image
from convivir.demo.localize import translate
from convivir.models import MainMenu, MainMenuItem

# Fixed namespace: the same demo content always gets the same block ids, so
# the Spanish source and its English translation line up.
DEMO_NAMESPACE = uuid.UUID("6f1f6d1e-2d7c-4c55-9a53-3c8f1d1f0c11")


@dataclass(frozen=True)
class DemoLoader:
    """One app's demo content: ``load(stdout)`` builds it, in ``order``."""

    name: str
    load: Callable
    order: int


class DemoRegistry:
    """The demo loaders the apps registered, run in order by ``load_demo``."""

    def __init__(self):
        self._loaders: dict[str, DemoLoader] = {}

    def register(self, name: str, load: Callable, order: int = 50):
        self._loaders[name] = DemoLoader(name, load, order)

    def __iter__(self):
        return iter(sorted(self._loaders.values(), key=lambda x: (x.order, x.name)))


demo_loaders = DemoRegistry()


def block_id(*parts) -> str:
    return str(uuid.uuid5(DEMO_NAMESPACE, ":".join(str(p) for p in parts)))


def stream(key: str, blocks: list[tuple[str, object]]) -> list[dict]:
    """Raw StreamField data with ids derived from ``key`` and each block's
    position, identical for every language."""
    return [
        {"type": block_type, "value": value, "id": block_id(key, index)}
        for index, (block_type, value) in enumerate(blocks)
    ]


def list_items(key: str, values: list) -> list[dict]:
    """Raw ListBlock data with stable item ids."""
    return [
        {"type": "item", "value": value, "id": block_id(key, "item", index)}
        for index, value in enumerate(values)
    ]


def paragraphs(*texts: str) -> str:
    """Rich text from plain paragraphs (which may hold inline HTML)."""
    return "".join(f"<p>{text}</p>" for text in texts)


def bullet_list(*items: str) -> str:
    return "<ul>" + "".join(f"<li>{item}</li>" for item in items) + "</ul>"


def demo_image(title: str, description: str, pictogram: str | None = None):
    """The demo image called ``title``, drawn and saved on first use."""
    Image = get_image_model()
    image = Image.objects.filter(title=title).first()
    if image is None:
        filename = f"{uuid.uuid5(DEMO_NAMESPACE, title).hex[:12]}.jpg"
        data = make_image(title, pictogram=pictogram)
        image = Image(
            title=title,
            description=description,
            file=ImageFile(io.BytesIO(data), name=filename),
        )
        image.save()
    return image


def demo_document(title: str, filename: str, content: bytes):
    """The demo document called ``title``, stored on first use."""
    Document = get_document_model()
    document = Document.objects.filter(title=title).first()
    if document is None:
        document = Document(title=title)
        document.file.save(filename, ContentFile(content), save=False)
        document.save()
    return document


def child_page(parent, instance):
    """Add ``instance`` under ``parent`` and publish it, unless a page with
    its slug is already there. Returns ``(page, created)``."""
    existing = (
        type(instance).objects.child_of(parent).filter(slug=instance.slug).first()
    )
    if existing is not None:
        return existing, False
    parent.add_child(instance=instance)
    instance.save_revision().publish()
    return instance, True


def ensure_menu_link(page, label_es: str, label_en: str, position: int):
    """Link ``page`` from the main menu, in Spanish and in its English
    translation, unless it is linked already. ``position`` orders the links:
    1 to 3 are the three doors (help, events, taking part), 10 and up the rest.
    """
    spanish = Locale.objects.get(language_code="es")
    english = Locale.objects.get(language_code="en")
    menu = MainMenu.objects.filter(locale=spanish).first()
    if menu is None:
        menu = MainMenu(locale=spanish, name="Menú principal")
        menu.save()
    if menu.items.filter(link_page=page).exists():
        return
    item = MainMenuItem(label=label_es, link_page=page, sort_order=position)
    menu.items.add(item)
    menu.save()

    translated = menu.get_translation_or_none(english)
    labels = (
        {i.translation_key: i.label for i in translated.items.all()}
        if translated
        else {}
    )
    labels[item.translation_key] = label_en
    translate(
        menu,
        MainMenu(
            name="Main menu",
            items=[
                MainMenuItem(
                    label=labels.get(i.translation_key, i.label),
                    link_page=i.link_page,
                    link_url=i.link_url,
                    sort_order=i.sort_order,
                    translation_key=i.translation_key,
                )
                for i in menu.items.all()
            ],
        ),
    )
