"""Factories for networks, opportunities, volunteers and coordinators, for
tests and benchmarks."""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.utils import timezone

from wagtail.models import Locale
from wagtail.users.models import UserProfile

import factory
import wagtail_factories
from factory.django import DjangoModelFactory

from convivir.common.choices import Weekday
from networks.models import (
    COORDINATORS_GROUP,
    MemberOrganisation,
    ProtectionNetwork,
    ProtectionNetworkPage,
    Volunteer,
    VolunteerIndexPage,
    VolunteerNote,
    VolunteerOpportunity,
)


class CoordinatorFactory(DjangoModelFactory):
    """An admin user in the "Network coordinators" group (password
    "contraseña-de-prueba")."""

    username = factory.Sequence(lambda n: f"coordinadora{n}")
    email = factory.Sequence(lambda n: f"coordinadora{n}@redes.example")
    first_name = factory.Sequence(lambda n: f"Coordinadora {n}")
    password = factory.PostGenerationMethodCall("set_password", "contraseña-de-prueba")

    class Meta:
        model = get_user_model()
        skip_postgeneration_save = True

    @factory.post_generation
    def in_group(self, create, extracted, **kwargs):
        if create:
            self.groups.add(Group.objects.get(name=COORDINATORS_GROUP))
            self.save()

    @factory.post_generation
    def admin_language(self, create, extracted, **kwargs):
        """The admin (and the coordinators' e-mails) in Spanish unless
        ``admin_language="en"``: what a test reads never depends on the
        browser's language."""
        if create:
            profile = UserProfile.get_for_user(self)
            profile.preferred_language = extracted or "es"
            profile.save()


class ProtectionNetworkFactory(DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Red de protección {n}")
    slug = factory.Sequence(lambda n: f"red-{n}")
    municipality = "Tapachula"
    state = "chiapas"
    contact_email = factory.Sequence(lambda n: f"red{n}@redes.example")

    class Meta:
        model = ProtectionNetwork
        skip_postgeneration_save = True

    @factory.post_generation
    def coordinators(self, create, extracted, **kwargs):
        if create and extracted:
            # A parental many-to-many is written when the network is saved.
            self.coordinators.set(extracted)
            self.save()


class MemberOrganisationFactory(DjangoModelFactory):
    network = factory.SubFactory(ProtectionNetworkFactory)
    name = factory.Sequence(lambda n: f"Albergue {n}")
    kind = "shelter"

    class Meta:
        model = MemberOrganisation


class VolunteerOpportunityFactory(DjangoModelFactory):
    network = factory.SubFactory(ProtectionNetworkFactory)
    title = factory.Sequence(lambda n: f"Oportunidad {n}")
    description = "Acompañar a personas en el albergue."
    skills = factory.LazyFunction(lambda: ["teaching"])
    time_commitment = "Dos mañanas por semana"
    place = "Centro"
    locale = factory.LazyFunction(lambda: Locale.objects.get(language_code="es"))

    class Meta:
        model = VolunteerOpportunity


class VolunteerFactory(DjangoModelFactory):
    """A confirmed volunteer (``confirmed_at=None`` for a pending one)."""

    network = factory.SubFactory(ProtectionNetworkFactory)
    name = factory.Sequence(lambda n: f"Persona voluntaria {n}")
    email = factory.Sequence(lambda n: f"voluntaria{n}@correo.example")
    phone = "+52 962 555 0100"
    municipality = "Tapachula"
    languages = factory.LazyFunction(lambda: ["es"])
    skills = factory.LazyFunction(lambda: ["cooking"])
    available_days = factory.LazyFunction(lambda: [Weekday.SATURDAY])
    available_times = factory.LazyFunction(lambda: ["morning"])
    motivation = "Quiero ayudar en mi comunidad."
    is_adult = True
    privacy_consent_at = factory.LazyFunction(timezone.now)
    privacy_notice_version = "1"
    confirmation_nonce = factory.Sequence(lambda n: f"nonce{n}")
    confirmed_at = factory.LazyFunction(timezone.now)

    class Meta:
        model = Volunteer


class VolunteerNoteFactory(DjangoModelFactory):
    volunteer = factory.SubFactory(VolunteerFactory)
    text = "Llamada: puede empezar en enero."

    class Meta:
        model = VolunteerNote


class VolunteerIndexPageFactory(wagtail_factories.PageFactory):
    title = "Participa"
    slug = "participa"
    intro = "<p>Súmate a una red de protección.</p>"
    code_of_conduct = (
        "<p>Respeto la dignidad y la confidencialidad de cada persona.</p>"
    )

    class Meta:
        model = VolunteerIndexPage


class ProtectionNetworkPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Red {n}")
    network = factory.SubFactory(ProtectionNetworkFactory)
    summary = "Albergues, parroquias y vecinos que acogen."

    class Meta:
        model = ProtectionNetworkPage
