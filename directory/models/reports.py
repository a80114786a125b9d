"""Reports of wrong information: someone says an entry is wrong, the
editors are told and close the report once the entry is fixed."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from wagtail.admin.admin_url_finder import AdminURLFinder
from wagtail.admin.panels import FieldPanel

from directory.editors import email_editors
from directory.models.services import Service


class WrongInformationReport(models.Model):
    """Someone says an entry is wrong ("they moved", "it is full"). Kept for
    editors, who are e-mailed and close the report once the entry is fixed.
    """

    class Status(models.TextChoices):
        OPEN = "open", _("Open")
        RESOLVED = "resolved", _("Resolved")

    service = models.ForeignKey(
        Service,
        on_delete=models.CASCADE,
        related_name="reports",
        verbose_name=_("service"),
    )
    what_is_wrong = models.TextField(max_length=2000, verbose_name=_("what is wrong"))
    contact = models.CharField(
        max_length=200,
        blank=True,
        verbose_name=_("contact"),
        help_text=_(
            "A phone or e-mail if you want us to reply. Leave it empty if not."
        ),
    )
    language = models.CharField(max_length=5, default="es", editable=False)
    status = models.CharField(
        max_length=10,
        choices=Status.choices,
        default=Status.OPEN,
        verbose_name=_("status"),
    )
    editor_notes = models.TextField(blank=True, verbose_name=_("editors' notes"))
    created_at = models.DateTimeField(default=timezone.now, verbose_name=_("received"))

    panels = [
        FieldPanel("service", read_only=True),
        FieldPanel("what_is_wrong", read_only=True),
        FieldPanel("contact", read_only=True),
        FieldPanel("status"),
        FieldPanel("editor_notes"),
    ]

    class Meta:
        verbose_name = _("report of wrong information")
        verbose_name_plural = _("reports of wrong information")
        ordering = ["-created_at"]

    def __str__(self):
        return f"{self.service} ({self.created_at:%Y-%m-%d})"

    def notify_editors(self):
        """E-mail every directory editor, each in their admin language, what
        is wrong and a link to the report in the admin (never the contact
        the person left: it stays in the admin)."""
        admin_path = AdminURLFinder().get_edit_url(self) or ""
        email_editors(
            "directory/email/wrong_information",
            {
                "report": self,
                "service": self.service,
                "admin_url": settings.BASE_URL + admin_path,
            },
        )
