"""Factories for themes, campaign and material pages and pledges, for tests
and benchmarks. Pages are built (``.build()``) and added with
``tests.utils.add_child``."""

import datetime

from django.utils import timezone

from wagtail.models import Locale

import factory
import wagtail_factories
from factory.django import DjangoModelFactory

from campaigns.models import (
    CampaignIndexPage,
    CampaignPage,
    DialogueMaterialIndexPage,
    DialogueMaterialPage,
    Pledge,
    Theme,
)
from convivir.factories import CustomImageFactory


class ThemeFactory(DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Tema {n}")
    slug = factory.Sequence(lambda n: f"tema-{n}")
    locale = factory.LazyFunction(lambda: Locale.objects.get(language_code="es"))

    class Meta:
        model = Theme
        django_get_or_create = ("slug", "locale")


class CampaignIndexPageFactory(wagtail_factories.PageFactory):
    title = "Campañas"
    slug = "campanas"
    intro = "<p>Campañas contra la discriminación.</p>"

    class Meta:
        model = CampaignIndexPage


class CampaignPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Campaña {n}")
    slug = factory.Sequence(lambda n: f"campana-{n}")
    hero_image = factory.LazyFunction(lambda: CustomImageFactory())
    hero_alt = "Dibujo de dos manos que se saludan"
    summary = "Conocer a quien llega cambia la mirada."
    start_date = factory.LazyFunction(lambda: datetime.date(2026, 3, 1))

    class Meta:
        model = CampaignPage


class DialogueMaterialIndexPageFactory(wagtail_factories.PageFactory):
    title = "Materiales para el diálogo"
    slug = "materiales"
    intro = "<p>Guías y actividades para sesiones de diálogo.</p>"

    class Meta:
        model = DialogueMaterialIndexPage


class DialogueMaterialPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Material {n}")
    slug = factory.Sequence(lambda n: f"material-{n}")
    summary = "Una sesión para hablar de la llegada de personas migrantes."
    audiences = factory.LazyFunction(lambda: ["teachers"])
    format = "guide"
    material_language = "es"
    duration_minutes = 60
    objectives = "<ul><li>Escuchar historias de movilidad.</li></ul>"

    class Meta:
        model = DialogueMaterialPage


class PledgeFactory(DjangoModelFactory):
    """A confirmed pledge (``confirmed_at=None`` for a pending one)."""

    campaign = None
    campaign_key = factory.LazyAttribute(lambda o: o.campaign.translation_key)
    name = factory.Sequence(lambda n: f"Persona {n}")
    email = factory.Sequence(lambda n: f"persona{n}@correo.example")
    municipality = "Tapachula"
    consent_at = factory.LazyFunction(timezone.now)
    confirmation_nonce = factory.Sequence(lambda n: f"nonce{n}")
    confirmed_at = factory.LazyFunction(timezone.now)

    class Meta:
        model = Pledge
