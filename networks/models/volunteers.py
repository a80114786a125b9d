"""Volunteers: one person's sign-up for one network, and the coordinators'
notes about them. The sign-up and its confirmation are in
:mod:`networks.models.signups`, the follow-up in
:mod:`networks.models.pipeline`."""

from datetime import timedelta

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import models, transaction
from django.db.models import Q
from django.db.models.signals import pre_save
from django.dispatch import receiver
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from wagtail.log_actions import log
from wagtail.models import ModelLogEntry

from convivir.common.choices import Weekday, labels
from convivir.common.links import LinkError, SignedLink
from convivir.common.phones import PhoneNumberField
from convivir.common.validators import normalize_email
from networks import conf
from networks.choices import Skill, SpokenLanguage, TimeOfDay
from networks.models.networks import ProtectionNetwork
from networks.models.opportunities import VolunteerOpportunity
from networks.models.pipeline import PipelineMixin
from networks.models.signups import SignupMixin

# "My data" links e-mailed before the self-service moved to the core.
OLD_DATA_LINK = SignedLink(
    "networks.volunteer.data", lambda: timedelta(days=conf.link_days())
)


class VolunteerQuerySet(models.QuerySet):
    def pending(self):
        return self.filter(confirmed_at__isnull=True)

    def confirmed(self):
        return self.filter(confirmed_at__isnull=False)

    def with_email(self, email: str):
        return self.filter(email=normalize_email(email))

    def visible_to(self, user):
        """What ``user`` may see in the admin: every confirmed volunteer for
        programme staff (the "view volunteer" permission), the confirmed
        volunteers of their own networks for coordinators, nothing for
        anyone else. Unconfirmed sign-ups never reach anyone."""
        if not user.is_authenticated or not user.is_active:
            return self.none()
        confirmed = self.confirmed()
        if user.is_superuser or user.has_perm("networks.view_volunteer"):
            return confirmed
        return confirmed.filter(network__in=ProtectionNetwork.coordinated_by(user))

    def due_for_purge(self, now=None):
        """Sign-ups never confirmed within the retention period, and
        inactive or declined volunteers untouched for the configured months."""
        now = now or timezone.now()
        unconfirmed_before = now - timedelta(days=conf.unconfirmed_retention_days())
        # A month counted as 30 days: the period is a retention limit, not a
        # calendar date, and erring a few days early is the safe side.
        inactive_before = now - timedelta(days=30 * conf.inactive_retention_months())
        return self.filter(
            Q(confirmed_at__isnull=True, confirmation_sent_at__lt=unconfirmed_before)
            | Q(
                confirmed_at__isnull=False,
                status__in=[Volunteer.Status.INACTIVE, Volunteer.Status.DECLINED],
                status_changed_at__lt=inactive_before,
            )
        )


class Volunteer(SignupMixin, PipelineMixin, models.Model):
    """One person's sign-up for one network (optionally one opportunity).

    Pending until the person follows the link in the confirmation e-mail
    (double opt-in); only then do coordinators see and hear of it. The
    status moves new → contacted → in training → active → inactive, or to
    declined; it cannot become active before the three safeguards are
    recorded (code of conduct, training, references)."""

    class Status(models.TextChoices):
        NEW = "new", _("new")
        CONTACTED = "contacted", _("contacted")
        TRAINING = "training", _("in training")
        ACTIVE = "active", _("active")
        INACTIVE = "inactive", _("inactive")
        DECLINED = "declined", _("declined")

    network = models.ForeignKey(
        ProtectionNetwork,
        on_delete=models.PROTECT,
        related_name="volunteers",
        verbose_name=_("network"),
    )
    opportunity = models.ForeignKey(
        VolunteerOpportunity,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="volunteers",
        verbose_name=_("opportunity"),
    )
    name = models.CharField(max_length=120, verbose_name=_("name"))
    email = models.EmailField(db_index=True, verbose_name=_("e-mail"))
    phone = PhoneNumberField(blank=True, verbose_name=_("phone or WhatsApp"))
    municipality = models.CharField(max_length=80, verbose_name=_("municipality"))
    languages = models.JSONField(default=list, verbose_name=_("languages spoken"))
    other_language = models.CharField(
        max_length=80, blank=True, verbose_name=_("other language")
    )
    skills = models.JSONField(default=list, verbose_name=_("skills"))
    other_skill = models.CharField(
        max_length=80, blank=True, verbose_name=_("other skill")
    )
    available_days = models.JSONField(default=list, verbose_name=_("days"))
    available_times = models.JSONField(default=list, verbose_name=_("times"))
    motivation = models.TextField(max_length=1500, verbose_name=_("motivation"))
    is_adult = models.BooleanField(default=False, verbose_name=_("18 or older"))
    privacy_consent_at = models.DateTimeField(
        verbose_name=_("privacy notice accepted at")
    )
    privacy_notice_version = models.CharField(
        max_length=40, verbose_name=_("privacy notice version")
    )
    language = models.CharField(
        max_length=8,
        choices=settings.LANGUAGES,
        default="es",
        verbose_name=_("language for e-mails"),
    )

    status = models.CharField(
        max_length=12,
        choices=Status.choices,
        default=Status.NEW,
        db_index=True,
        verbose_name=_("status"),
    )
    status_changed_at = models.DateTimeField(
        default=timezone.now, verbose_name=_("status changed at")
    )
    # Changes with every confirmation e-mail, so only the newest link works.
    confirmation_nonce = models.CharField(max_length=32, editable=False)
    confirmation_sent_at = models.DateTimeField(default=timezone.now)
    confirmed_at = models.DateTimeField(
        null=True, blank=True, db_index=True, verbose_name=_("confirmed at")
    )

    conduct_accepted_at = models.DateTimeField(
        null=True, blank=True, verbose_name=_("code of conduct accepted at")
    )
    training_completed_at = models.DateTimeField(
        null=True, blank=True, verbose_name=_("safeguarding training completed at")
    )
    training_recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("training recorded by"),
    )
    references_checked_at = models.DateTimeField(
        null=True, blank=True, verbose_name=_("references checked at")
    )
    references_recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("references recorded by"),
    )
    created_at = models.DateTimeField(
        default=timezone.now, verbose_name=_("signed up at")
    )
    updated_at = models.DateTimeField(auto_now=True)

    objects = VolunteerQuerySet.as_manager()

    class Meta:
        verbose_name = _("volunteer")
        verbose_name_plural = _("volunteers")
        ordering = ["-confirmed_at", "-created_at"]
        indexes = [models.Index(fields=["network", "status"])]
        constraints = [
            # Two sign-ups sent at once with one address for one network must
            # not both wait for confirmation (and both reach coordinators).
            models.UniqueConstraint(
                fields=["email", "network"],
                condition=Q(confirmed_at__isnull=True),
                name="networks_one_pending_signup_per_email_and_network",
            )
        ]

    def __str__(self):
        return self.name

    @property
    def log_label(self) -> str:
        """How audit-log entries name a volunteer: never by name, so the log
        holds no personal data once the volunteer is deleted."""
        return f"{self._meta.verbose_name.capitalize()} #{self.pk}"

    # -- The volunteer's own data (see networks.privacy) --

    @classmethod
    def email_from_data_token(cls, token: str) -> str:
        """The address an old "my data" link (made before the self-service
        moved to the core, naming the sign-ups by number) is for. Raises
        :class:`LinkError` when the link is expired, tampered with, or its
        data already deleted."""
        payload = OLD_DATA_LINK.load(token)
        ids = payload.get("v")
        ids = [pk for pk in ids or [] if isinstance(pk, int)]
        email = cls.objects.filter(pk__in=ids).values_list("email", flat=True).first()
        if not email:
            raise LinkError("deleted")
        return email

    def as_data(self) -> dict:
        """Everything stored about this sign-up, for the volunteer's own
        page and download (coordinators' notes included: they are about the
        person), in the language being shown."""
        return {
            "network": self.network.name,
            "opportunity": self.opportunity.title if self.opportunity else None,
            "name": self.name,
            "email": self.email,
            "phone": self.phone,
            "municipality": self.municipality,
            "languages": [str(name) for name in labels(SpokenLanguage, self.languages)],
            "other_language": self.other_language,
            "skills": [str(name) for name in labels(Skill, self.skills)],
            "other_skill": self.other_skill,
            "available_days": [
                str(day) for day in labels(Weekday, self.available_days)
            ],
            "available_times": [
                str(time) for time in labels(TimeOfDay, self.available_times)
            ],
            "motivation": self.motivation,
            "is_adult": self.is_adult,
            "language": str(self.get_language_display()),
            "privacy_consent_at": self.privacy_consent_at,
            "privacy_notice_version": self.privacy_notice_version,
            "signed_up_at": self.created_at,
            "confirmed_at": self.confirmed_at,
            "status": str(
                self.get_status_display()
                if self.confirmed_at
                else _("not confirmed yet")
            ),
            "status_changed_at": self.status_changed_at,
            "code_of_conduct_accepted_at": self.conduct_accepted_at,
            "safeguarding_training_completed_at": self.training_completed_at,
            "references_checked_at": self.references_checked_at,
            "notes": [
                {"date": note.created_at, "text": note.text}
                for note in self.notes.all()
            ],
        }

    def erase(self, reason: str, user=None):
        """Delete this volunteer and everything about them; the audit log
        keeps only that a volunteer was deleted, and why."""
        with transaction.atomic():
            log(
                instance=self,
                action="networks.erase",
                user=user,
                title=self.log_label,
                data={"reason": reason},
                deleted=True,
            )
            self.delete()

    @classmethod
    def purge(cls, now=None) -> int:
        """Delete what is due (see :meth:`VolunteerQuerySet.due_for_purge`)."""
        due = list(cls.objects.due_for_purge(now))
        for volunteer in due:
            volunteer.erase("retention")
        return len(due)

    # -- Display and e-mail helpers --

    def language_labels(self) -> list[str]:
        names = labels(SpokenLanguage, self.languages)
        if self.other_language:
            names.append(self.other_language)
        return names

    def skill_labels(self) -> list[str]:
        names = labels(Skill, self.skills)
        if self.other_skill:
            names.append(self.other_skill)
        return names

    def availability_labels(self) -> list[str]:
        return labels(Weekday, self.available_days) + labels(
            TimeOfDay, self.available_times
        )

    @property
    def languages_text(self) -> str:
        return ", ".join(str(name) for name in self.language_labels())

    @property
    def skills_text(self) -> str:
        return ", ".join(str(name) for name in self.skill_labels())

    @property
    def availability_text(self) -> str:
        return ", ".join(str(name) for name in self.availability_labels())


class VolunteerNote(models.Model):
    """A dated note by a coordinator about a volunteer (a call, a meeting)."""

    volunteer = models.ForeignKey(
        Volunteer, on_delete=models.CASCADE, related_name="notes"
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("author"),
    )
    text = models.TextField(max_length=2000, verbose_name=_("note"))
    created_at = models.DateTimeField(default=timezone.now, verbose_name=_("date"))

    class Meta:
        verbose_name = _("note")
        verbose_name_plural = _("notes")
        ordering = ["-created_at"]

    def __str__(self):
        return f"{self.created_at:%Y-%m-%d}"


@receiver(pre_save, sender=ModelLogEntry)
def _keep_names_out_of_the_audit_log(sender, instance, **kwargs):
    """Wagtail's own views log an object under its name; for volunteers the
    label becomes their number, so the site history never shows who they are
    (and keeps nothing personal once they are deleted)."""
    if instance.content_type_id == ContentType.objects.get_for_model(Volunteer).pk:
        instance.label = (
            f"{Volunteer._meta.verbose_name.capitalize()} #{instance.object_id}"
        )
