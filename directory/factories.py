"""Factories for organisations, locations and services, for tests and
benchmarks. Services are created published (``live``)."""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from wagtail.users.models import UserProfile

import factory
import wagtail_factories
from factory.django import DjangoModelFactory

from directory.editors import EDITORS_GROUP
from directory.models import (
    POPULATIONS,
    SERVICE_TYPES,
    Contact,
    DirectoryIndexPage,
    Location,
    Organization,
    Phone,
    RequiredDocument,
    Schedule,
    Service,
    ServiceAtLocation,
    TaxonomyTerm,
)


def term(code: str, taxonomy: str = SERVICE_TYPES) -> TaxonomyTerm:
    return TaxonomyTerm.objects.get(taxonomy__key=taxonomy, code=code)


def population(code: str) -> TaxonomyTerm:
    return term(code, POPULATIONS)


class EditorFactory(DjangoModelFactory):
    """An admin user in the "Directory editors" group (password
    "contraseña-de-prueba"), whose admin is in Spanish (``language=`` to
    choose another)."""

    username = factory.Sequence(lambda n: f"editora{n}")
    email = factory.Sequence(lambda n: f"editora{n}@convivir.example")
    password = factory.PostGenerationMethodCall("set_password", "contraseña-de-prueba")

    class Meta:
        model = get_user_model()
        skip_postgeneration_save = True

    @factory.post_generation
    def in_group(self, create, extracted, **kwargs):
        if create:
            self.groups.add(Group.objects.get(name=extracted or EDITORS_GROUP))
            self.save()

    @factory.post_generation
    def language(self, create, extracted, **kwargs):
        if create:
            profile = UserProfile.get_for_user(self)
            profile.preferred_language = extracted or "es"
            profile.save()


class OrganizationFactory(DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Organización {n}")
    slug = factory.Sequence(lambda n: f"organizacion-{n}")
    description = "Acompaña a personas en tránsito."

    class Meta:
        model = Organization


class LocationFactory(DjangoModelFactory):
    organization = factory.SubFactory(OrganizationFactory)
    name = factory.Sequence(lambda n: f"Sede {n}")
    address_1 = factory.Sequence(lambda n: f"Calle Central {n}")
    address_2 = "Centro"
    postal_code = "30700"
    municipality = "Tapachula"
    state = "chiapas"
    latitude = "14.905000"
    longitude = "-92.263000"

    class Meta:
        model = Location


class ServiceFactory(DjangoModelFactory):
    """A published service at one location (``location=`` to choose it,
    ``location=None`` for none)."""

    organization = factory.SubFactory(OrganizationFactory)
    name = factory.Sequence(lambda n: f"Servicio {n}")
    slug = factory.Sequence(lambda n: f"servicio-{n}")
    description = "Alojamiento, comida y orientación."
    live = True
    languages = factory.LazyFunction(lambda: ["es"])

    class Meta:
        model = Service
        skip_postgeneration_save = True

    @factory.post_generation
    def location(self, create, extracted, **kwargs):
        if not create:
            return
        location = extracted or LocationFactory(
            organization=self.organization, **kwargs
        )
        ServiceAtLocation.objects.create(service=self, location=location)

    @factory.post_generation
    def types(self, create, extracted, **kwargs):
        if create:
            self.service_types.set([term(code) for code in extracted or ["shelter"]])
            self.save()


class PhoneFactory(DjangoModelFactory):
    service = factory.SubFactory(ServiceFactory)
    number = "+529625550101"  # stored in E.164, as every entry point stores it

    class Meta:
        model = Phone


class ScheduleFactory(DjangoModelFactory):
    service = factory.SubFactory(ServiceFactory)
    weekday = 0
    opens_at = "09:00"
    closes_at = "17:00"

    class Meta:
        model = Schedule


class ContactFactory(DjangoModelFactory):
    service = factory.SubFactory(ServiceFactory)
    name = "Hermana Lupita"
    email = factory.Sequence(lambda n: f"contacto{n}@albergue.example")

    class Meta:
        model = Contact


class RequiredDocumentFactory(DjangoModelFactory):
    service = factory.SubFactory(ServiceFactory)
    document = "Identificación, si la tienes"

    class Meta:
        model = RequiredDocument


class DirectoryIndexPageFactory(wagtail_factories.PageFactory):
    title = "Buscar ayuda"
    slug = "buscar-ayuda"
    intro = "<p>Albergues, comida, salud y asesoría jurídica gratuita.</p>"
    safety_note = (
        "Todos los servicios son gratuitos. Nadie puede cobrarte por ayudarte."
    )

    class Meta:
        model = DirectoryIndexPage
