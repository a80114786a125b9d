"""The themes campaigns and dialogue materials are tagged with."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel
from wagtail.models import TranslatableMixin
from wagtail_localize.fields import SynchronizedField

from convivir.common.languages import VisitorLanguageQuerySet


class Theme(TranslatableMixin, models.Model):
    """A theme campaigns and materials are tagged with: "discrimination at
    school", "women on the move", "work and fair pay". The slug is shared by
    every translation, so filter links work in both languages."""

    name = models.CharField(max_length=80, verbose_name=_("name"))
    slug = models.SlugField(
        max_length=80,
        verbose_name=_("slug"),
        help_text=_("Used in filter links. The same in every language."),
    )

    objects = VisitorLanguageQuerySet.as_manager()
    # Themes made separately in each language are one theme when their
    # slugs match (the slug is what filter links use).
    translation_identity = "slug"

    panels = [FieldPanel("name"), FieldPanel("slug")]
    # One slug for every language: filter links keep working after a switch.
    override_translatable_fields = [SynchronizedField("slug")]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("theme")
        verbose_name_plural = _("themes")
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(
                fields=["slug", "locale"], name="campaigns_theme_unique_slug"
            )
        ]

    def __str__(self):
        return self.name

    @classmethod
    def for_visitor(cls) -> list["Theme"]:
        """Every theme once, in the language being shown when translated,
        by name."""
        return sorted(
            cls.objects.all().in_visitor_language(), key=lambda t: t.name.lower()
        )
