"""Registrations: one person's seats on one date, and how they are made,
cancelled, reminded and purged.

Making and cancelling go through :class:`Registration` only (the public
form, the admin, the privacy self-service), each in one transaction with
the date's row locked, and the seat rules of :mod:`events.seats` decide who
gets a seat; a date with registrations is never removed
(:mod:`events.booked`).
"""

import secrets
from datetime import timedelta

from django.conf import settings
from django.db import models, transaction
from django.db.models import Count, Q, Sum
from django.db.models.functions import Coalesce
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _

from wagtail.log_actions import log

from convivir.common.languages import in_visitor_language
from convivir.common.links import LinkError, SignedLink
from convivir.common.phones import PhoneNumberField, normalize_phone
from convivir.common.validators import normalize_email
from convivir.notifications import send_notification
from events import conf
from events import seats as seat_rules
from events.choices import RegistrationStatus
from events.ical import occurrence_calendar
from events.models.occurrences import PAGE_RELATED, Occurrence
from events.when import starts_in_words


def _link_lifetime() -> timedelta:
    # Registrants' links work until the retention period after the date.
    return timedelta(days=366 + conf.retention_days())


CANCEL_LINK = SignedLink("events.registration.cancel", _link_lifetime)
CONFIRMATION_LINK = SignedLink("events.registration.confirmation", _link_lifetime)
# Short codes people read aloud at the door: no 0/O, 1/I/L.
CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"


class RegistrationError(Exception):
    """A registration that cannot be made; ``reason`` says why. For a
    duplicate, ``existing`` is the earlier registration and ``field`` what
    they share ("email" or "phone")."""

    def __init__(self, reason: str, existing=None, field: str = ""):
        super().__init__(reason)
        self.reason = reason
        self.existing = existing
        self.field = field


class RegistrationQuerySet(models.QuerySet):
    def active(self):
        return self.exclude(status=Registration.Status.CANCELLED)

    def due_for_reminder(self, now=None):
        """Confirmed registrations with an e-mail whose occurrence starts
        within the reminder window and who were not reminded yet."""
        now = now or timezone.now()
        return self.filter(
            status=Registration.Status.CONFIRMED,
            reminder_sent_at__isnull=True,
            occurrence__start__gt=now,
            occurrence__start__lte=now + timedelta(hours=conf.reminder_hours()),
        ).exclude(email="")

    def due_for_purge(self, now=None):
        """Registrations still holding personal data whose occurrence ended
        more than the retention period ago."""
        now = now or timezone.now()
        return self.filter(
            purged_at__isnull=True,
            occurrence__end__lt=now - timedelta(days=conf.retention_days()),
        )


class Registration(models.Model):
    """One person's registration for one occurrence, for one or more seats.

    An e-mail address or a phone number is enough (many people in transit
    have no e-mail). Confirmed when there were seats, otherwise on the
    waiting list in the order people joined. The personal data is deleted
    some days after the occurrence (:meth:`purge`); the row stays, with the
    seats and attendance, for anonymous counts."""

    Status = RegistrationStatus

    # A date with registrations cannot be deleted (events.booked keeps it
    # on its page): its registrations, and the counts they give, stay.
    occurrence = models.ForeignKey(
        Occurrence,
        on_delete=models.PROTECT,
        related_name="registrations",
        verbose_name=_("occurrence"),
    )
    code = models.CharField(
        max_length=8, unique=True, editable=False, verbose_name=_("code")
    )
    name = models.CharField(max_length=120, blank=True, verbose_name=_("name"))
    email = models.EmailField(blank=True, db_index=True, verbose_name=_("e-mail"))
    phone = PhoneNumberField(blank=True, verbose_name=_("phone or WhatsApp"))
    seats = models.PositiveSmallIntegerField(default=1, verbose_name=_("seats"))
    accessibility_needs = models.TextField(
        max_length=500, blank=True, verbose_name=_("accessibility needs")
    )
    language = models.CharField(
        max_length=8,
        choices=settings.LANGUAGES,
        default="es",
        verbose_name=_("language"),
    )
    status = models.CharField(
        max_length=12,
        choices=Status.choices,
        default=Status.CONFIRMED,
        db_index=True,
        verbose_name=_("status"),
    )
    consent_at = models.DateTimeField(
        null=True, blank=True, verbose_name=_("consent given at")
    )
    created_at = models.DateTimeField(
        default=timezone.now, db_index=True, verbose_name=_("registered at")
    )
    promoted_at = models.DateTimeField(
        null=True, blank=True, verbose_name=_("moved off the waiting list at")
    )
    cancelled_at = models.DateTimeField(
        null=True, blank=True, verbose_name=_("cancelled at")
    )
    attended_at = models.DateTimeField(
        null=True, blank=True, verbose_name=_("checked in at")
    )
    reminder_sent_at = models.DateTimeField(
        null=True, blank=True, verbose_name=_("reminder sent at")
    )
    purged_at = models.DateTimeField(
        null=True, blank=True, verbose_name=_("personal data deleted at")
    )
    added_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("added by"),
    )

    objects = RegistrationQuerySet.as_manager()

    class Meta:
        verbose_name = _("registration")
        verbose_name_plural = _("registrations")
        ordering = ["created_at", "pk"]

    def __str__(self):
        return self.code

    @property
    def log_label(self) -> str:
        return f"{_('Registration')} {self.code}"

    @property
    def attended(self) -> bool:
        return self.attended_at is not None

    # -- Making, cancelling, promoting --

    @classmethod
    def register(
        cls,
        occurrence_id: int,
        *,
        name: str,
        email: str = "",
        phone: str = "",
        seats: int = 1,
        accessibility_needs: str = "",
        language: str = "es",
        added_by=None,
        now=None,
    ) -> "Registration":
        """Register for an occurrence, in one transaction with the
        occurrence's row locked, so two requests never take the same seat;
        the confirmation is sent after it.
        The waiting list is promoted first (:mod:`events.seats`): the
        newcomer is confirmed when their seats fit in what is left, else
        waits. Raises :class:`RegistrationError` with reason "not_open"
        (past, closed, not yet open, registration not enabled),
        "too_many_seats", "full" (and no waiting list) or "duplicate" (this
        e-mail address or phone number already has a registration;
        ``existing`` holds it). Staff adding someone skip the opening dates,
        never the capacity. Raises ``ValidationError`` for a phone that
        cannot be one (the forms refuse it first)."""
        email = normalize_email(email)
        phone = normalize_phone(phone)
        with transaction.atomic():
            # Only the date's row: locking its page too (the join) would
            # deadlock with a publish, which locks the page, then its dates.
            occurrence = (
                Occurrence.objects.select_for_update(of=("self",))
                .select_related("page")
                .get(pk=occurrence_id)
            )
            # Read once the lock is ours: the waiting list's order (by the
            # time of registering) is then the order seats were given in.
            now = now or timezone.now()
            state = occurrence.registration_state(now)
            if state != "open" and not (
                added_by is not None and state in {"not_yet", "closed"}
            ):
                raise RegistrationError("not_open")
            if seats < 1 or seats > occurrence.max_seats_per_registration:
                raise RegistrationError("too_many_seats")
            cls._refuse_duplicate(occurrence, email=email, phone=phone)
            seat_rules.promote(occurrence, now)
            status = seat_rules.status_for_newcomer(occurrence, seats)
            if status is None:
                raise RegistrationError("full")
            registration = cls.objects.create(
                occurrence=occurrence,
                code=cls.new_code(),
                name=name.strip(),
                email=email,
                phone=phone,
                seats=seats,
                accessibility_needs=accessibility_needs.strip(),
                language=language if language in dict(settings.LANGUAGES) else "es",
                status=status,
                consent_at=now,
                created_at=now,
                added_by=added_by,
            )
            if added_by is not None:
                log(
                    instance=registration,
                    action="events.add",
                    user=added_by,
                    title=registration.log_label,
                )
        # Rendered (with its .ics) and queued once the seat is taken and the
        # date's row is free again: a rush waits on the lock, not on e-mail.
        if email:
            registration.send("confirmation")
        return registration

    @staticmethod
    def _refuse_duplicate(occurrence, *, email: str, phone: str):
        """One active registration per e-mail address, and per phone, on a
        date (both compared normalised)."""
        active = occurrence.registrations.active()
        for field, value in (("email", email), ("phone", phone)):
            existing = value and active.filter(**{field: value}).first()
            if existing:
                raise RegistrationError("duplicate", existing=existing, field=field)

    @staticmethod
    def new_code() -> str:
        """A short code staff can find a registration by (e.g. at the door,
        for people who registered with a phone number only)."""
        while True:
            code = "".join(secrets.choice(CODE_ALPHABET) for _ in range(6))
            if not Registration.objects.filter(code=code).exists():
                return code

    def cancel(self, user=None) -> list["Registration"]:
        """Cancel, free the seats and promote the waiting list (those
        promoted are e-mailed; nobody once the date has started). Returns
        the promoted registrations."""
        with transaction.atomic():
            occurrence = Occurrence.objects.select_for_update().get(
                pk=self.occurrence_id
            )
            current = type(self).objects.select_for_update().get(pk=self.pk)
            if current.status == self.Status.CANCELLED:
                raise RegistrationError("already_cancelled")
            self.status = self.Status.CANCELLED
            self.cancelled_at = timezone.now()
            self.save(update_fields=["status", "cancelled_at"])
            log(
                instance=self,
                action="events.cancel",
                user=user,
                title=self.log_label,
            )
            return seat_rules.promote(occurrence)

    def waiting_place(self) -> int | None:
        """1 for the first in line, 2 for the next…; None when not waiting."""
        if self.status != self.Status.WAITING:
            return None
        return (
            type(self)
            .objects.filter(
                occurrence_id=self.occurrence_id, status=self.Status.WAITING
            )
            .filter(
                Q(created_at__lt=self.created_at)
                | Q(created_at=self.created_at, pk__lt=self.pk)
            )
            .count()
            + 1
        )

    def check_in(self, user, present: bool = True):
        self.attended_at = timezone.now() if present else None
        self.save(update_fields=["attended_at"])
        log(
            instance=self,
            action="events.check_in" if present else "events.check_in_undo",
            user=user,
            title=self.log_label,
        )

    # -- Signed links --

    def cancel_token(self) -> str:
        return CANCEL_LINK.make({"r": self.pk, "c": self.code})

    def confirmation_token(self) -> str:
        return CONFIRMATION_LINK.make({"r": self.pk, "c": self.code})

    @classmethod
    def from_token(cls, token: str, link: SignedLink) -> "Registration":
        """The registration a signed link is for. Raises
        :class:`~convivir.common.links.LinkError` "expired" or "invalid"
        (tampered, deleted)."""
        payload = link.load(token)
        registration = (
            cls.objects.select_related("occurrence__page")
            .filter(pk=payload.get("r"), code=payload.get("c"))
            .first()
        )
        if registration is None or registration.purged_at is not None:
            raise LinkError("invalid")
        return registration

    def absolute(self, url_name: str, token: str) -> str:
        with translation.override(self.language):
            return settings.BASE_URL + reverse(url_name, args=[token])

    # -- E-mail --

    def send(self, name: str, now=None):
        """E-mail the registrant in their language: "confirmation" (with the
        .ics and the cancel link; no calendar while on the waiting list: the
        seat is not theirs yet), "promoted" or "reminder" (which says how
        soon the date starts, seen from ``now``)."""
        occurrence = self.occurrence
        waiting = self.status == self.Status.WAITING
        with translation.override(self.language):
            (page,) = in_visitor_language(
                [occurrence.page], select_related=PAGE_RELATED
            )
            ics = None if waiting else occurrence_calendar(occurrence, page)
            context = {
                "registration": self,
                "occurrence": occurrence,
                "event": page,
                "event_url": settings.BASE_URL + (page.url or ""),
                "venue": in_visitor_language([page.venue])[0],
                "cancel_url": self.absolute("events:cancel", self.cancel_token()),
                "confirmation_url": self.absolute(
                    "events:confirmation", self.confirmation_token()
                ),
                "waiting_place": self.waiting_place(),
                "starts": starts_in_words(occurrence, now),
            }
        send_notification(
            to=self.email,
            template=f"events/email/{name}",
            context=context,
            language=self.language,
            attachments=[("evento.ics", ics, "text/calendar")] if ics else [],
        )

    @classmethod
    def send_reminders(cls, now=None) -> int:
        """E-mail every confirmed attendee once, within the reminder window
        before the start (:func:`events.conf.reminder_hours`). Each
        registration is claimed by a conditional update, so two overlapping
        runs never remind the same person twice."""
        now = now or timezone.now()
        sent = 0
        for pk in cls.objects.due_for_reminder(now).values_list("pk", flat=True):
            with transaction.atomic():
                claimed = cls.objects.filter(
                    pk=pk, reminder_sent_at__isnull=True
                ).update(reminder_sent_at=now)
                if not claimed:
                    continue
                cls.objects.select_related("occurrence__page").get(pk=pk).send(
                    "reminder", now=now
                )
            sent += 1
        return sent

    @classmethod
    def purge(cls, now=None) -> int:
        """Delete the personal data of registrations whose occurrence ended
        more than :func:`events.conf.retention_days` ago, keeping seats,
        status and attendance for the counts; one audit-log entry per
        occurrence. Returns how many registrations were cleared."""
        now = now or timezone.now()
        cleared = 0
        due = cls.objects.due_for_purge(now)
        by_occurrence: dict[int, list[int]] = {}
        for pk, occurrence_id in due.values_list("pk", "occurrence_id"):
            by_occurrence.setdefault(occurrence_id, []).append(pk)
        for occurrence in Occurrence.objects.filter(
            pk__in=by_occurrence
        ).select_related("page"):
            with transaction.atomic():
                count = cls.objects.filter(
                    pk__in=by_occurrence[occurrence.pk], purged_at__isnull=True
                ).update(
                    name="",
                    email="",
                    phone="",
                    accessibility_needs="",
                    purged_at=now,
                )
                log(
                    instance=occurrence.page,
                    action="events.purge",
                    title=str(occurrence),
                    data={
                        "occurrence": occurrence.pk,
                        "registrations": count,
                        "retention_days": conf.retention_days(),
                    },
                )
            cleared += count
        return cleared


def seats_summary(queryset) -> dict:
    """Seats confirmed, waiting and cancelled, and attendance, of a
    registrations queryset, in one query (the admin's totals)."""
    status = Registration.Status
    return queryset.aggregate(
        confirmed=Coalesce(Sum("seats", filter=Q(status=status.CONFIRMED)), 0),
        waiting=Coalesce(Sum("seats", filter=Q(status=status.WAITING)), 0),
        cancelled=Coalesce(Sum("seats", filter=Q(status=status.CANCELLED)), 0),
        attended=Coalesce(
            Sum("seats", filter=Q(attended_at__isnull=False)),
            0,
        ),
        registrations=Count("pk"),
    )
