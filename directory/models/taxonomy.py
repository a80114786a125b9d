"""What a service is and whom it serves: the HSDS taxonomies (service types,
populations) and their terms, seeded by a data migration."""

import uuid

from django.db import models
from django.utils import translation
from django.utils.translation import gettext_lazy as _

SERVICE_TYPES = "service_type"
POPULATIONS = "population"


class Taxonomy(models.Model):
    """An HSDS taxonomy: the service types and the populations served,
    seeded by a data migration."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    key = models.SlugField(max_length=40, unique=True, verbose_name=_("key"))
    name = models.CharField(max_length=120, verbose_name=_("name"))
    description = models.TextField(blank=True, verbose_name=_("description"))
    uri = models.URLField(blank=True, verbose_name=_("URI"))
    version = models.CharField(max_length=20, blank=True, verbose_name=_("version"))

    class Meta:
        verbose_name = _("taxonomy")
        verbose_name_plural = _("taxonomies")
        ordering = ["name"]

    def __str__(self):
        return self.name


class TaxonomyTerm(models.Model):
    """A term of a taxonomy ("shelter", "families"). Named in Spanish and
    English: the visitor sees the name in their language."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    taxonomy = models.ForeignKey(
        Taxonomy, on_delete=models.PROTECT, related_name="terms"
    )
    code = models.SlugField(max_length=60, verbose_name=_("code"))
    name_es = models.CharField(max_length=120, verbose_name=_("name (Spanish)"))
    name_en = models.CharField(max_length=120, verbose_name=_("name (English)"))
    description = models.TextField(blank=True, verbose_name=_("description"))
    icon = models.CharField(max_length=40, blank=True, verbose_name=_("icon"))
    quick_exit = models.BooleanField(
        default=False,
        verbose_name=_("quick exit"),
        help_text=_(
            "Pages showing services of this kind offer the “Quick exit” button "
            "(violence, trafficking, LGBTIQ+ support, child protection)."
        ),
    )
    sort_order = models.PositiveSmallIntegerField(default=0)

    class Meta:
        verbose_name = _("taxonomy term")
        verbose_name_plural = _("taxonomy terms")
        ordering = ["taxonomy__key", "sort_order", "code"]
        constraints = [
            models.UniqueConstraint(
                fields=["taxonomy", "code"], name="directory_term_code_unique"
            )
        ]

    def __str__(self):
        return self.name

    @property
    def name(self) -> str:
        """The name in the active language (Spanish by default)."""
        return self.name_en if translation.get_language() == "en" else self.name_es


def offers_quick_exit(terms) -> bool:
    """Whether a page showing services of these terms offers the quick exit
    (violence, trafficking…): any term flagged so."""
    return any(term.quick_exit for term in terms)
