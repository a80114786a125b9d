"""What a network needs volunteers for, in every language."""

from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel
from wagtail.models import TranslatableMixin

from convivir.common.choices import labels
from convivir.common.languages import (
    VisitorLanguageQuerySet,
    default_locale,
    sync_translations,
)
from convivir.places import Place, public_place
from networks.choices import Skill
from networks.models.networks import ProtectionNetwork


class OpportunityQuerySet(VisitorLanguageQuerySet):
    def active(self):
        """Open opportunities of open networks. An opportunity closed in the
        default language counts as closed in every language, even before its
        translations are synchronised."""
        closed_sources = VolunteerOpportunity.objects.filter(
            locale=default_locale(), is_active=False
        ).values("translation_key")
        return self.filter(is_active=True, network__is_active=True).exclude(
            translation_key__in=closed_sources
        )

    def for_listing(self) -> list:
        """Each opportunity once, in the visitor's language where
        translated, by network and title; one query."""
        rows = self.select_related("network").in_visitor_language()
        return sorted(rows, key=lambda o: (o.network.name, o.title))


class VolunteerOpportunity(TranslatableMixin, models.Model):
    """Something a network needs volunteers for: accompanying people to the
    clinic, Spanish classes at the shelter, driving donations. Translated
    with wagtail-localize; the network, skills and flags are shared by every
    language."""

    network = models.ForeignKey(
        ProtectionNetwork,
        on_delete=models.PROTECT,
        related_name="opportunities",
        verbose_name=_("network"),
    )
    title = models.CharField(max_length=120, verbose_name=_("title"))
    description = models.TextField(max_length=1500, verbose_name=_("description"))
    skills = models.JSONField(default=list, blank=True, verbose_name=_("skills wanted"))
    time_commitment = models.CharField(
        max_length=120,
        verbose_name=_("time commitment"),
        help_text=_("E.g. “Two mornings a week for three months”."),
    )
    place = models.CharField(
        max_length=150,
        blank=True,
        verbose_name=_("place"),
        help_text=_(
            "Neighbourhood or venue. Never the address of a confidential shelter."
        ),
    )
    is_confidential = models.BooleanField(
        default=False,
        verbose_name=_("confidential place"),
        help_text=_(
            "At a shelter or another place whose address must stay private: "
            "the public sees only the network's town, never the place above."
        ),
    )
    is_remote = models.BooleanField(default=False, verbose_name=_("can be remote"))
    is_active = models.BooleanField(default=True, verbose_name=_("active"))

    objects = OpportunityQuerySet.as_manager()

    panels = [
        FieldPanel("network"),
        FieldPanel("title"),
        FieldPanel("description"),
        FieldPanel("skills"),
        FieldPanel("time_commitment"),
        FieldPanel("place"),
        FieldPanel("is_confidential"),
        FieldPanel("is_remote"),
        FieldPanel("is_active"),
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("volunteer opportunity")
        verbose_name_plural = _("volunteer opportunities")
        ordering = ["title"]

    def __str__(self):
        return self.title

    def save(self, *args, **kwargs):
        super().save(*args, **kwargs)
        sync_translations(self, "is_confidential")

    def clean(self):
        super().clean()
        unknown = set(self.skills or []) - set(Skill.values)
        if unknown:
            raise ValidationError({"skills": _("Choose skills from the list.")})

    def skill_labels(self) -> list[str]:
        return labels(Skill, self.skills)

    def signup_url(self) -> str:
        return f"{reverse('networks:signup')}?oportunidad={self.pk}"

    def public_place(self) -> dict:
        """Where it happens, as the public may know it: the network's town,
        and the place the editor wrote unless it is confidential."""
        network = self.network
        return public_place(
            Place(
                municipality=network.municipality,
                state=network.state,
                state_name=str(network.get_state_display()),
                confidential=self.is_confidential,
                name=self.place,
            )
        )
