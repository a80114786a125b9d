"""A protection network and the organisations taking part in it."""

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalKey, ParentalManyToManyField
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.models import Orderable

from convivir.common.choices import State
from networks.choices import MemberKind

COORDINATORS_GROUP = "Network coordinators"


class ProtectionNetwork(ClusterableModel):
    """A local protection network: shelters, parishes, clinics and neighbours
    of one town who receive and follow up volunteers. Its coordinators are
    admin users who see this network's volunteers, and only those."""

    name = models.CharField(max_length=120, verbose_name=_("name"))
    slug = models.SlugField(
        max_length=80,
        unique=True,
        verbose_name=_("slug"),
        help_text=_("Used in sign-up links, e.g. red-tapachula."),
    )
    municipality = models.CharField(max_length=80, verbose_name=_("municipality"))
    state = models.CharField(
        max_length=20, choices=State.choices, verbose_name=_("state")
    )
    contact_email = models.EmailField(
        blank=True,
        verbose_name=_("public contact e-mail"),
        help_text=_("Shown on the network's page. Use a shared address."),
    )
    contact_phone = models.CharField(
        max_length=30,
        blank=True,
        verbose_name=_("public contact phone"),
        help_text=_("Shown on the network's page. Never a volunteer's phone."),
    )
    coordinators = ParentalManyToManyField(
        settings.AUTH_USER_MODEL,
        blank=True,
        related_name="coordinated_networks",
        limit_choices_to={"groups__name": COORDINATORS_GROUP},
        verbose_name=_("coordinators"),
        help_text=_(
            "Admin users of the “Network coordinators” group who receive and "
            "follow up this network's volunteers."
        ),
    )
    is_active = models.BooleanField(
        default=True,
        verbose_name=_("accepts volunteers"),
        help_text=_("Uncheck to stop new sign-ups for this network."),
    )
    created_at = models.DateTimeField(auto_now_add=True)

    panels = [
        FieldPanel("name"),
        FieldPanel("slug"),
        MultiFieldPanel(
            [FieldPanel("municipality"), FieldPanel("state")], heading=_("Place")
        ),
        MultiFieldPanel(
            [FieldPanel("contact_email"), FieldPanel("contact_phone")],
            heading=_("Public contact"),
        ),
        FieldPanel("coordinators"),
        FieldPanel("is_active"),
        InlinePanel("members", label=_("member organisations")),
    ]

    class Meta:
        verbose_name = _("protection network")
        verbose_name_plural = _("protection networks")
        ordering = ["name"]

    def __str__(self):
        return self.name

    def signup_url(self) -> str:
        return f"{reverse('networks:signup')}?red={self.slug}"

    def coordinator_users(self):
        """The active coordinators still in the coordinators' group: taking
        someone out of the group ends their access and their e-mails."""
        return self.coordinators.filter(
            is_active=True, groups__name=COORDINATORS_GROUP
        ).distinct()

    @classmethod
    def coordinated_by(cls, user):
        """The networks ``user`` coordinates (named on the network and a
        member of the coordinators' group)."""
        if not user.is_authenticated:
            return cls.objects.none()
        return cls.objects.filter(
            coordinators=user, coordinators__groups__name=COORDINATORS_GROUP
        )


class MemberOrganisation(Orderable):
    """An organisation taking part in a network, linked to its entry in the
    directory when it has one."""

    network = ParentalKey(
        ProtectionNetwork, on_delete=models.CASCADE, related_name="members"
    )
    name = models.CharField(max_length=150, verbose_name=_("name"))
    kind = models.CharField(
        max_length=20, choices=MemberKind.choices, verbose_name=_("kind")
    )
    website = models.URLField(blank=True, verbose_name=_("website"))
    organization = models.ForeignKey(
        "directory.Organization",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="network_memberships",
        verbose_name=_("directory entry"),
        help_text=_(
            "The organisation's entry in the directory of services, if it has "
            "one: the network's page links to it."
        ),
    )

    panels = [
        FieldPanel("name"),
        FieldPanel("kind"),
        FieldPanel("organization"),
        FieldPanel("website"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("member organisation")
        verbose_name_plural = _("member organisations")

    def __str__(self):
        return self.name
