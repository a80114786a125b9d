"""Pledges: one person's "Me comprometo…" for one campaign, pending until
they confirm their address (double opt-in), counted once confirmed, deleted
if never confirmed."""

import secrets
from datetime import timedelta

from django.conf import settings
from django.db import models, transaction
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _

from campaigns import conf
from convivir.common.languages import in_visitor_language
from convivir.common.links import LinkError, SignedLink
from convivir.common.validators import normalize_email, supported_language
from convivir.notifications import send_notification

CONFIRM_LINK = SignedLink(
    "campaigns.pledge.confirm", lambda: timedelta(days=conf.confirmation_days())
)


class PledgeQuerySet(models.QuerySet):
    def confirmed(self):
        return self.filter(confirmed_at__isnull=False)

    def pending(self):
        return self.filter(confirmed_at__isnull=True)

    def due_for_purge(self, now=None):
        """Pledges never confirmed within the retention period."""
        now = now or timezone.now()
        before = now - timedelta(days=conf.unconfirmed_retention_days())
        return self.pending().filter(confirmation_sent_at__lt=before)


class Pledge(models.Model):
    """One person's pledge for one campaign. ``campaign_key`` is the
    campaign's translation key: a pledge signed on the English page counts
    for the Spanish one too, and one address signs a campaign once."""

    class Outcome(models.TextChoices):
        NEW = "new"
        RESENT = "resent"
        ALREADY_CONFIRMED = "already_confirmed"

    campaign = models.ForeignKey(
        "campaigns.CampaignPage",
        on_delete=models.CASCADE,
        related_name="pledges",
        verbose_name=_("campaign"),
    )
    campaign_key = models.UUIDField(editable=False, db_index=True)
    name = models.CharField(max_length=120, blank=True, verbose_name=_("name"))
    is_anonymous = models.BooleanField(default=False, verbose_name=_("anonymous"))
    email = models.EmailField(verbose_name=_("e-mail"))
    municipality = models.CharField(max_length=80, verbose_name=_("municipality"))
    consent_at = models.DateTimeField(verbose_name=_("consent given at"))
    language = models.CharField(
        max_length=8,
        choices=settings.LANGUAGES,
        default="es",
        verbose_name=_("language"),
    )
    # Changes with every confirmation e-mail, so only the newest link works.
    confirmation_nonce = models.CharField(max_length=32, editable=False)
    confirmation_sent_at = models.DateTimeField(default=timezone.now)
    confirmed_at = models.DateTimeField(
        null=True, blank=True, db_index=True, verbose_name=_("confirmation date")
    )
    created_at = models.DateTimeField(default=timezone.now, verbose_name=_("signed at"))

    objects = PledgeQuerySet.as_manager()

    class Meta:
        verbose_name = _("pledge")
        verbose_name_plural = _("pledges")
        ordering = ["-created_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["campaign_key", "email"], name="campaigns_one_pledge_per_email"
            )
        ]

    def __str__(self):
        return f"{self._meta.verbose_name.capitalize()} #{self.pk}"

    @property
    def public_name(self) -> str:
        return "" if self.is_anonymous else self.name

    @property
    def is_confirmed(self) -> bool:
        return self.confirmed_at is not None

    @classmethod
    def sign(cls, *, campaign, email: str, language: str, **data):
        """Record a pledge and e-mail the confirmation link, in one
        transaction. Returns ``(pledge, outcome)``: a second pledge with the
        same address gets a fresh link (pending) or a reminder that it is
        already counted (confirmed). Only the e-mail differs: the visitor
        sees the same page in every case, so the form never reveals whether
        an address has signed."""
        email = normalize_email(email)
        language = supported_language(language)
        now = timezone.now()
        with transaction.atomic():
            pledge = (
                cls.objects.select_for_update()
                .filter(campaign_key=campaign.translation_key, email=email)
                .first()
            )
            if pledge is not None and pledge.is_confirmed:
                pledge._send("already_confirmed", campaign=campaign, language=language)
                return pledge, cls.Outcome.ALREADY_CONFIRMED
            outcome = cls.Outcome.RESENT if pledge else cls.Outcome.NEW
            pledge = pledge or cls(
                campaign_key=campaign.translation_key, email=email, created_at=now
            )
            pledge.campaign = campaign
            # Without a name, a pledge is anonymous: only the count shows it.
            name = "" if data.get("is_anonymous") else data.get("name", "").strip()
            pledge.name = name
            pledge.is_anonymous = not name
            pledge.municipality = data["municipality"]
            pledge.language = language
            pledge.consent_at = now
            pledge.confirmation_nonce = secrets.token_hex(8)
            pledge.confirmation_sent_at = now
            pledge.save()
            pledge._send(
                "confirm_pledge",
                campaign=campaign,
                context={
                    "confirm_url": pledge.absolute_url(
                        "campaigns:confirm_pledge", pledge.confirmation_token()
                    ),
                    "valid_days": conf.confirmation_days(),
                },
            )
        return pledge, outcome

    def confirmation_token(self) -> str:
        return CONFIRM_LINK.make({"p": self.pk, "n": self.confirmation_nonce})

    @classmethod
    def from_confirmation_token(cls, token: str) -> "Pledge":
        """The pledge a confirmation link is for. Raises
        :class:`~convivir.common.links.LinkError` "expired", "invalid"
        (tampered, deleted or replaced) or "used"."""
        payload = CONFIRM_LINK.load(token)
        pledge = (
            cls.objects.select_related("campaign").filter(pk=payload.get("p")).first()
        )
        if pledge is None or pledge.confirmation_nonce != payload.get("n"):
            raise LinkError("invalid")
        if pledge.is_confirmed:
            raise LinkError("used")
        return pledge

    def confirm(self):
        """Count the pledge. Safe against a double click: the second
        confirmation finds it already confirmed."""
        with transaction.atomic():
            updated = (
                type(self)
                .objects.filter(pk=self.pk, confirmed_at__isnull=True)
                .update(confirmed_at=timezone.now())
            )
            if not updated:
                raise LinkError("used")
        self.refresh_from_db(fields=["confirmed_at"])

    @classmethod
    def purge(cls, now=None) -> int:
        """Delete pledges never confirmed within the retention period."""
        deleted, _ = cls.objects.due_for_purge(now).delete()
        return deleted

    def absolute_url(self, url_name: str, token: str) -> str:
        """A public link in the language the person signed in."""
        with translation.override(self.language):
            return settings.BASE_URL + reverse(url_name, args=[token])

    def _send(self, name: str, *, campaign, language=None, context=None):
        language = language or self.language
        with translation.override(language):
            (localized,) = in_visitor_language([campaign])
            campaign_url = localized.get_full_url()
        send_notification(
            to=self.email,
            template=f"campaigns/email/{name}",
            context={
                "pledge": self,
                "campaign": localized,
                "campaign_url": campaign_url,
                **(context or {}),
            },
            language=language,
        )
