"""Factories for the core app's pages and snippets, for tests and benchmarks."""

import factory
import wagtail_factories
from factory.django import DjangoModelFactory

from convivir.models import (
    ContentPage,
    CustomImage,
    Footer,
    FooterLink,
    HomePage,
    MainMenu,
    MainMenuItem,
)


class CustomImageFactory(wagtail_factories.ImageFactory):
    description = factory.Sequence(lambda n: f"Descripción de la imagen {n}")

    class Meta:
        model = CustomImage


class HomePageFactory(wagtail_factories.PageFactory):
    title = "Inicio"
    hero_heading = "Convivir: comunidades que acogen"

    class Meta:
        model = HomePage


class ContentPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Página {n}")
    summary = "Un resumen breve de la página."

    class Meta:
        model = ContentPage


class MainMenuFactory(DjangoModelFactory):
    name = "Menú principal"

    class Meta:
        model = MainMenu


class MainMenuItemFactory(DjangoModelFactory):
    menu = factory.SubFactory(MainMenuFactory)
    label = factory.Sequence(lambda n: f"Enlace {n}")
    link_url = "/es/"

    class Meta:
        model = MainMenuItem


class FooterFactory(DjangoModelFactory):
    contact = "<p>contacto@convivir.mx</p>"

    class Meta:
        model = Footer


class FooterLinkFactory(DjangoModelFactory):
    footer = factory.SubFactory(FooterFactory)
    label = factory.Sequence(lambda n: f"Enlace {n}")
    link_url = "/es/"

    class Meta:
        model = FooterLink
