"""The site's own records: e-mail waiting to be delivered, addresses that
bounce, when each periodic job last ran, and the links to a person's own
data."""

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from convivir.common.validators import normalize_email


class OutgoingEmail(models.Model):
    """An e-mail the site has to send, kept until it is delivered so that a
    failing e-mail provider delays a message instead of losing it. Staff see
    failed messages in the admin; sent messages are deleted after
    ``NOTIFICATIONS_KEEP_DAYS``."""

    class Status(models.TextChoices):
        QUEUED = "queued", _("queued")
        SENDING = "sending", _("sending")
        SENT = "sent", _("sent")
        RETRYING = "retrying", _("waiting to retry")
        FAILED = "failed", _("failed")
        SUPPRESSED = "suppressed", _("not sent: address undeliverable")

    to = models.EmailField(verbose_name=_("to"))
    language = models.CharField(max_length=8, verbose_name=_("language"))
    template = models.CharField(max_length=150, verbose_name=_("template"))
    subject = models.CharField(max_length=255, verbose_name=_("subject"))
    body_text = models.TextField(verbose_name=_("text"))
    body_html = models.TextField(blank=True, verbose_name=_("HTML"))
    attachments = models.JSONField(default=list, blank=True)
    reply_to = models.EmailField(blank=True, verbose_name=_("reply to"))
    status = models.CharField(
        max_length=10,
        choices=Status.choices,
        default=Status.QUEUED,
        db_index=True,
        verbose_name=_("status"),
    )
    attempts = models.PositiveSmallIntegerField(default=0, verbose_name=_("attempts"))
    last_error = models.TextField(blank=True, verbose_name=_("last error"))
    # When a retry is due or, while sending, when the sender's claim lapses.
    next_attempt_at = models.DateTimeField(
        null=True, blank=True, verbose_name=_("next attempt")
    )
    esp_message_id = models.CharField(max_length=255, blank=True)
    created_at = models.DateTimeField(default=timezone.now, db_index=True)
    # When the retry window (NOTIFICATIONS_RETRY_HOURS) began: at creation,
    # and again when staff send a failed message again.
    queued_at = models.DateTimeField(default=timezone.now, verbose_name=_("queued at"))
    sent_at = models.DateTimeField(null=True, blank=True, verbose_name=_("sent at"))

    class Meta:
        verbose_name = _("outgoing e-mail")
        verbose_name_plural = _("outgoing e-mails")
        ordering = ["-created_at"]
        permissions = [("resend_outgoingemail", _("Can send an e-mail again"))]

    def __str__(self):
        return f"{self.subject} → {self.to} ({self.get_status_display()})"

    @property
    def can_be_sent_again(self) -> bool:
        """Staff may queue again a message that failed for good or that is
        still waiting for its next try."""
        return self.status in {self.Status.FAILED, self.Status.RETRYING}


class UndeliverableAddress(models.Model):
    """An e-mail address the provider reported as bouncing, complaining or
    rejected (through anymail's tracking webhook). Nothing more is sent to
    it, so the site keeps its sending reputation and stops writing to
    someone who marked it as spam. Staff delete the entry once the address
    works again."""

    email = models.EmailField(unique=True, verbose_name=_("e-mail address"))
    reason = models.CharField(max_length=20, verbose_name=_("reason"))
    esp_message_id = models.CharField(max_length=255, blank=True)
    created_at = models.DateTimeField(default=timezone.now, verbose_name=_("since"))

    class Meta:
        verbose_name = _("undeliverable address")
        verbose_name_plural = _("undeliverable addresses")
        ordering = ["-created_at"]

    def __str__(self):
        return self.email

    @staticmethod
    def normalize(email: str) -> str:
        return normalize_email(email)

    @classmethod
    def is_listed(cls, email: str) -> bool:
        return cls.objects.filter(email=cls.normalize(email)).exists()


class PeriodicJobRun(models.Model):
    """When each periodic job (see :mod:`convivir.periodic`) was last queued."""

    name = models.CharField(max_length=100, unique=True)
    last_enqueued_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("periodic job run")

    def __str__(self):
        return self.name


class PersonalDataLink(models.Model):
    """A "my data" link sent to an address (see :mod:`convivir.privacy`).
    The link carries only this row's random key, never the address: a
    signed value can be read by anyone who sees the link (access logs, a
    shared phone's history). Deleted with the person's data, and once the
    link has expired."""

    key = models.CharField(max_length=32, unique=True)
    email = models.EmailField(db_index=True)
    created_at = models.DateTimeField(default=timezone.now, db_index=True)

    class Meta:
        verbose_name = _("personal data link")

    def __str__(self):
        return f"{self._meta.verbose_name.capitalize()} #{self.pk}"
