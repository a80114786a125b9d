"""What a service's page shows beside its description, each edited inline
in the service: phones (with WhatsApp), weekly opening hours, what to bring,
and the contacts who confirm the entry every month (never shown in
public)."""

import uuid

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel
from wagtail.models import Orderable

from convivir.common.choices import Weekday
from convivir.common.phones import (
    PhoneNumberField,
    format_phone,
    normalized_or_as_typed,
    phone_digits,
)
from directory.choices import PhoneKind
from directory.models.services import Service


class Phone(Orderable):
    """A phone number of a service; WhatsApp numbers get a wa.me link."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    service = ParentalKey(Service, on_delete=models.CASCADE, related_name="phones")
    number = PhoneNumberField(
        verbose_name=_("number"),
        help_text=_("With country code, e.g. +52 962 123 4567."),
    )
    extension = models.CharField(max_length=20, blank=True, verbose_name=_("extension"))
    kind = models.CharField(
        max_length=12,
        choices=PhoneKind.choices,
        default=PhoneKind.VOICE,
        verbose_name=_("type"),
    )
    description = models.CharField(
        max_length=250, blank=True, verbose_name=_("description")
    )
    whatsapp = models.BooleanField(default=False, verbose_name=_("WhatsApp"))

    panels = [
        FieldRowPanel(
            [FieldPanel("number"), FieldPanel("extension"), FieldPanel("whatsapp")]
        ),
        FieldRowPanel([FieldPanel("kind"), FieldPanel("description")]),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("phone")
        verbose_name_plural = _("phones")

    def __str__(self):
        return self.display

    @property
    def display(self) -> str:
        """The number as people read it: +52 962 555 0123."""
        return format_phone(self.number)

    @property
    def can_call(self) -> bool:
        """A number a visitor can call (not a fax, a pager or a line for
        text messages only)."""
        return self.kind not in (PhoneKind.FAX, PhoneKind.PAGER, PhoneKind.TEXT)

    def link_url(self) -> str:
        """Where tapping the number leads: a call, a text message, or
        nowhere (a fax, a pager)."""
        if self.can_call:
            return self.tel_url()
        if self.kind == PhoneKind.TEXT:
            return self.tel_url().replace("tel:", "sms:", 1)
        return ""

    def tel_url(self) -> str:
        # From the normalised number, so one stored before numbers were
        # checked ("962 555 0123") still calls +52.
        number = normalized_or_as_typed(self.number)
        prefix = "+" if number.startswith("+") else ""
        return f"tel:{prefix}{phone_digits(number)}"

    def whatsapp_url(self) -> str:
        return f"https://wa.me/{phone_digits(self.number)}" if self.whatsapp else ""


class Schedule(Orderable):
    """Weekly opening hours of a service: one row per day and time span.
    A span closing before it opens runs past midnight."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    service = ParentalKey(Service, on_delete=models.CASCADE, related_name="schedules")
    weekday = models.PositiveSmallIntegerField(
        choices=Weekday.choices, verbose_name=_("day")
    )
    opens_at = models.TimeField(verbose_name=_("opens at"))
    closes_at = models.TimeField(verbose_name=_("closes at"))
    notes = models.CharField(max_length=250, blank=True, verbose_name=_("notes"))
    description = models.TextField(
        blank=True,
        verbose_name=_("description"),
        help_text=_("HSDS schedule description: holidays, exceptions."),
    )

    panels = [
        FieldRowPanel(
            [FieldPanel("weekday"), FieldPanel("opens_at"), FieldPanel("closes_at")]
        ),
        FieldPanel("notes"),
        FieldPanel("description"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("opening hours")
        verbose_name_plural = _("opening hours")

    def __str__(self):
        return (
            f"{self.get_weekday_display()} {self.opens_at:%H:%M}-{self.closes_at:%H:%M}"
        )

    def clean(self):
        super().clean()
        if self.opens_at is not None and self.opens_at == self.closes_at:
            raise ValidationError(
                {"closes_at": _("Closing time must differ from opening time.")}
            )

    def week_minutes(self) -> tuple[int, int]:
        """Start and end as minutes from Monday 00:00; the end may pass the
        end of the week."""
        start = self.weekday * 1440 + self.opens_at.hour * 60 + self.opens_at.minute
        end = self.weekday * 1440 + self.closes_at.hour * 60 + self.closes_at.minute
        if end <= start:
            end += 1440
        return start, end


class Contact(Orderable):
    """A person or desk responsible for the entry. Their e-mail receives the
    monthly verification link; it is never shown in public."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    service = ParentalKey(Service, on_delete=models.CASCADE, related_name="contacts")
    name = models.CharField(max_length=150, verbose_name=_("name"))
    title = models.CharField(max_length=120, blank=True, verbose_name=_("role"))
    email = models.EmailField(blank=True, verbose_name=_("e-mail"))
    language = models.CharField(
        max_length=5,
        choices=settings.LANGUAGES,
        default="es",
        verbose_name=_("language for e-mails"),
    )

    panels = [
        FieldRowPanel([FieldPanel("name"), FieldPanel("title")]),
        FieldRowPanel([FieldPanel("email"), FieldPanel("language")]),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("contact")
        verbose_name_plural = _("contacts")

    def __str__(self):
        return self.name


class RequiredDocument(Orderable):
    """Something a person must bring (HSDS required document)."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    service = ParentalKey(
        Service, on_delete=models.CASCADE, related_name="required_documents"
    )
    document = models.CharField(max_length=200, verbose_name=_("document"))

    panels = [FieldPanel("document")]

    class Meta(Orderable.Meta):
        verbose_name = _("required document")
        verbose_name_plural = _("required documents")

    def __str__(self):
        return self.document
