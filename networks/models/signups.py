"""Signing up and the double opt-in: a sign-up waits until its address is
confirmed through the e-mailed link; then the network's coordinators are
told and the volunteer is welcomed. Mixed into
:class:`~networks.models.volunteers.Volunteer`."""

import secrets
from datetime import timedelta
from typing import Self

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone, translation

from wagtail.log_actions import log

from convivir.common.links import LinkError, SignedLink
from convivir.common.phones import normalize_phone
from convivir.common.validators import normalize_email, supported_language
from convivir.notifications import send_notification
from convivir.privacy.links import data_link_url
from networks import conf

# A confirmation is not sent again sooner than this after the last one.
RESEND_AFTER = timedelta(minutes=5)

# One salt per purpose (see also the code of conduct's and the old "my data"
# links): a link made for one thing never opens another.
CONFIRM_LINK = SignedLink(
    "networks.volunteer.confirm", lambda: timedelta(days=conf.confirmation_days())
)


def _user_language(user) -> str:
    """The language a staff member reads the admin in: their e-mails too."""
    profile = getattr(user, "wagtail_userprofile", None)
    return supported_language(getattr(profile, "preferred_language", "") or None)


class SignupMixin:
    """A volunteer's sign-up, confirmation and e-mails."""

    @classmethod
    def sign_up(cls, *, language: str, **data) -> Self:
        """Record a sign-up and e-mail the confirmation link, in one
        transaction. A pending sign-up with the same address for the same
        network is updated (its older link stops working) instead of
        duplicated; one for another network is kept. The new link confirms
        every pending sign-up of the address made until then, and its e-mail
        names them. An address already confirmed for the same network gets a
        reminder with its "my data" link instead. The visitor sees the same
        page in every case, so the form never reveals whether an address is
        known."""
        email = normalize_email(data.pop("email"))
        if "phone" in data:
            data["phone"] = normalize_phone(data["phone"])
        language = supported_language(language)
        try:
            with transaction.atomic():
                return cls._sign_up(email, language, data)
        except IntegrityError:
            # A simultaneous sign-up with the same address created the
            # pending row first: this one updates it instead.
            with transaction.atomic():
                return cls._sign_up(email, language, data)

    @classmethod
    def _sign_up(cls, email: str, language: str, data: dict) -> Self:
        now = timezone.now()
        existing = cls.objects.filter(email=email, network=data["network"]).confirmed()
        existing = existing.first()
        if existing is not None:
            existing._send("already_signed_up", language=language, with_data_link=True)
            return existing
        volunteer = (
            cls.objects.select_for_update()
            .pending()
            .filter(email=email, network=data["network"])
            .first()
        ) or cls(email=email, created_at=now)
        for field, value in data.items():
            setattr(volunteer, field, value)
        volunteer.language = language
        volunteer.privacy_consent_at = now
        volunteer.confirmation_nonce = secrets.token_hex(8)
        volunteer.confirmation_sent_at = now
        volunteer.status = cls.Status.NEW
        volunteer.status_changed_at = now
        volunteer.save()
        volunteer._send_confirmation()
        return volunteer

    def _send_confirmation(self):
        """E-mail this sign-up's confirmation link, naming every pending
        sign-up it confirms."""
        together = self.signed_up_together()
        self._send(
            "confirm_signup",
            context={
                "confirm_url": self.absolute(
                    "networks:confirm", self.confirmation_token()
                ),
                "valid_days": conf.confirmation_days(),
                "count": len(together),
                "networks": self.networks_text(together),
            },
            with_data_link=True,
        )

    @classmethod
    def resend_confirmation(cls, email: str, now=None) -> Self | None:
        """Send the confirmation link again to ``email`` when it has a
        sign-up still waiting for it (the newest one, whose link confirms
        them all); nothing otherwise, and the visitor's page is the same
        either way. The link keeps its nonce, so the first e-mail still
        works if it arrives late too; the purge of unconfirmed sign-ups
        counts from this new e-mail, so the new link never outlives its
        sign-up. Not again within :data:`RESEND_AFTER` of the last e-mail:
        that one is still on its way. Returns the sign-up written to."""
        now = now or timezone.now()
        with transaction.atomic():
            volunteer = (
                cls.objects.select_for_update()
                .pending()
                .with_email(email)
                .order_by("-confirmation_sent_at", "-pk")
                .first()
            )
            if volunteer is None or (
                volunteer.confirmation_sent_at
                and now - volunteer.confirmation_sent_at < RESEND_AFTER
            ):
                return None
            volunteer.confirmation_sent_at = now
            volunteer.save(update_fields=["confirmation_sent_at"])
            volunteer._send_confirmation()
        return volunteer

    def signed_up_together(self) -> list[Self]:
        """The pending sign-ups this one's confirmation link confirms: those
        of the address sent a link no later than this one, by network name.
        The newest link confirms them all; an older one confirms no sign-up
        made after it, which its e-mail and page did not name. (No link
        rewrites another sign-up's row: two sign-ups sent at once for two
        networks never wait for each other.)"""
        return list(
            type(self)
            .objects.pending()
            .filter(
                email=self.email,
                confirmation_sent_at__lte=self.confirmation_sent_at,
            )
            .select_related("network")
            .order_by("network__name", "pk")
        )

    @staticmethod
    def networks_text(volunteers) -> str:
        return ", ".join(volunteer.network.name for volunteer in volunteers)

    def confirmation_token(self) -> str:
        return CONFIRM_LINK.make({"v": self.pk, "n": self.confirmation_nonce})

    @classmethod
    def from_confirmation_token(cls, token: str) -> Self:
        """The volunteer a confirmation link is for. Raises
        :class:`LinkError` with "expired", "invalid" (tampered, deleted or
        replaced by a newer link) or "used" (already confirmed)."""
        payload = CONFIRM_LINK.load(token)
        volunteer = cls.objects.filter(pk=payload.get("v")).first()
        if volunteer is None or volunteer.confirmation_nonce != payload.get("n"):
            raise LinkError("invalid")
        if volunteer.confirmed_at is not None:
            raise LinkError("used")
        return volunteer

    def confirm(self) -> list[Self]:
        """Confirm the address: this sign-up and the pending ones its link
        stands for (see :meth:`signed_up_together`). Each network's
        coordinators are told and the volunteer is welcomed to each network,
        everyone in their own language. Works on the rows as they are under
        lock: a newer sign-up for the same network, which replaced this link,
        makes it invalid. Returns the confirmed rows, by network name."""
        with transaction.atomic():
            locked = list(
                type(self)
                .objects.select_for_update()
                .filter(
                    Q(pk=self.pk)
                    | Q(
                        email=self.email,
                        confirmation_sent_at__lte=self.confirmation_sent_at,
                        confirmed_at__isnull=True,
                    )
                )
                .order_by("pk")
            )
            this = next((row for row in locked if row.pk == self.pk), None)
            if this is None or this.confirmation_nonce != self.confirmation_nonce:
                raise LinkError("invalid")
            if this.confirmed_at is not None:
                raise LinkError("used")
            confirmed = this.signed_up_together()
            for volunteer in confirmed:
                volunteer._confirm_one()
        return confirmed

    def _confirm_one(self):
        """Confirm this row (locked by :meth:`confirm`) and tell its
        network's coordinators, who get a link to the admin and nothing
        about the person: what sits in their mailbox stays there when the
        volunteer deletes their data."""
        now = timezone.now()
        self.confirmed_at = now
        self.status = self.Status.NEW
        self.status_changed_at = now
        self.save(update_fields=["confirmed_at", "status", "status_changed_at"])
        log(instance=self, action="networks.confirm", title=self.log_label)
        admin_url = settings.BASE_URL + reverse(
            "networks_volunteer:inspect", args=[self.pk]
        )
        for user in self.network.coordinator_users():
            if not user.email:
                continue
            send_notification(
                to=user.email,
                template="networks/email/new_volunteer",
                context={
                    "network": self.network,
                    "admin_url": admin_url,
                    "coordinator": user,
                },
                language=_user_language(user),
            )
        self._send(
            "welcome",
            context={
                "conduct_url": self.absolute("networks:conduct", self.conduct_token())
            },
            with_data_link=True,
        )

    def absolute(self, url_name: str, token: str) -> str:
        """A public link in the volunteer's language."""
        with translation.override(self.language):
            return settings.BASE_URL + reverse(url_name, args=[token])

    def _send(self, name: str, *, context=None, language=None, with_data_link=False):
        language = language or self.language
        context = {"volunteer": self, "network": self.network, **(context or {})}
        if with_data_link:
            context["data_url"] = data_link_url(self.email, language)
        send_notification(
            to=self.email,
            template=f"networks/email/{name}",
            context=context,
            language=language,
        )
