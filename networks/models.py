"""Protection networks, their volunteer opportunities and the volunteers who
sign up for them.

A :class:`ProtectionNetwork` is the organisation (town, contact, member
organisations, coordinators); its public :class:`ProtectionNetworkPage` says
in each language what it does and how to join. A :class:`Volunteer` is one
person's sign-up for one network: pending until they confirm their e-mail
address, then followed up by the network's coordinators through the statuses
of :class:`Volunteer.Status`. Every rule about a volunteer (double opt-in,
safeguarding before "active", what coordinators may see, what is deleted
when) lives here, and every entry point calls it.
"""

import secrets
from datetime import timedelta

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db import IntegrityError, models, transaction
from django.db.models import Q
from django.db.models.signals import pre_save
from django.dispatch import receiver
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalKey, ParentalManyToManyField
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseGenericSetting, register_setting
from wagtail.fields import RichTextField, StreamField
from wagtail.log_actions import log
from wagtail.models import ModelLogEntry, Orderable, Page, TranslatableMixin
from wagtail.search import index

from convivir.blocks import RICH_TEXT_FEATURES, BaseStreamBlock
from convivir.common.choices import State, Weekday, labels
from convivir.common.languages import (
    OnePerLanguagePage,
    VisitorLanguageQuerySet,
    default_locale,
    sync_translations,
)
from convivir.common.links import LinkError, SignedLink
from convivir.common.phones import PhoneNumberField, normalize_phone
from convivir.common.validators import normalize_email, supported_language
from convivir.notifications import send_notification
from convivir.places import Place, public_place
from convivir.privacy.links import data_link_url
from networks import conf
from networks.choices import MemberKind, Skill, SpokenLanguage, TimeOfDay

COORDINATORS_GROUP = "Network coordinators"

# One salt per purpose: a link made for one thing never opens another.
CONFIRM_LINK = SignedLink(
    "networks.volunteer.confirm", lambda: timedelta(days=conf.confirmation_days())
)
# The code of conduct waits for its volunteer however long the follow-up
# takes: the link lets its owner accept the code, nothing else.
CONDUCT_LINK = SignedLink("networks.volunteer.conduct", None)
# "My data" links e-mailed before the self-service moved to the core.
OLD_DATA_LINK = SignedLink(
    "networks.volunteer.data", lambda: timedelta(days=conf.link_days())
)


# --- Networks -------------------------------------------------------------------


class ProtectionNetwork(ClusterableModel):
    """A local protection network: shelters, parishes, clinics and neighbours
    of one town who receive and follow up volunteers. Its coordinators are
    admin users who see this network's volunteers, and only those."""

    name = models.CharField(max_length=120, verbose_name=_("name"))
    slug = models.SlugField(
        max_length=80,
        unique=True,
        verbose_name=_("slug"),
        help_text=_("Used in sign-up links, e.g. red-tapachula."),
    )
    municipality = models.CharField(max_length=80, verbose_name=_("municipality"))
    state = models.CharField(
        max_length=20, choices=State.choices, verbose_name=_("state")
    )
    contact_email = models.EmailField(
        blank=True,
        verbose_name=_("public contact e-mail"),
        help_text=_("Shown on the network's page. Use a shared address."),
    )
    contact_phone = models.CharField(
        max_length=30,
        blank=True,
        verbose_name=_("public contact phone"),
        help_text=_("Shown on the network's page. Never a volunteer's phone."),
    )
    coordinators = ParentalManyToManyField(
        settings.AUTH_USER_MODEL,
        blank=True,
        related_name="coordinated_networks",
        limit_choices_to={"groups__name": COORDINATORS_GROUP},
        verbose_name=_("coordinators"),
        help_text=_(
            "Admin users of the “Network coordinators” group who receive and "
            "follow up this network's volunteers."
        ),
    )
    is_active = models.BooleanField(
        default=True,
        verbose_name=_("accepts volunteers"),
        help_text=_("Uncheck to stop new sign-ups for this network."),
    )
    created_at = models.DateTimeField(auto_now_add=True)

    panels = [
        FieldPanel("name"),
        FieldPanel("slug"),
        MultiFieldPanel(
            [FieldPanel("municipality"), FieldPanel("state")], heading=_("Place")
        ),
        MultiFieldPanel(
            [FieldPanel("contact_email"), FieldPanel("contact_phone")],
            heading=_("Public contact"),
        ),
        FieldPanel("coordinators"),
        FieldPanel("is_active"),
        InlinePanel("members", label=_("member organisations")),
    ]

    class Meta:
        verbose_name = _("protection network")
        verbose_name_plural = _("protection networks")
        ordering = ["name"]

    def __str__(self):
        return self.name

    def signup_url(self) -> str:
        return f"{reverse('networks:signup')}?red={self.slug}"

    def coordinator_users(self):
        """The active coordinators still in the coordinators' group: taking
        someone out of the group ends their access and their e-mails."""
        return self.coordinators.filter(
            is_active=True, groups__name=COORDINATORS_GROUP
        ).distinct()

    @classmethod
    def coordinated_by(cls, user):
        """The networks ``user`` coordinates (named on the network and a
        member of the coordinators' group)."""
        if not user.is_authenticated:
            return cls.objects.none()
        return cls.objects.filter(
            coordinators=user, coordinators__groups__name=COORDINATORS_GROUP
        )


class MemberOrganisation(Orderable):
    """An organisation taking part in a network, linked to its entry in the
    directory when it has one."""

    network = ParentalKey(
        ProtectionNetwork, on_delete=models.CASCADE, related_name="members"
    )
    name = models.CharField(max_length=150, verbose_name=_("name"))
    kind = models.CharField(
        max_length=20, choices=MemberKind.choices, verbose_name=_("kind")
    )
    website = models.URLField(blank=True, verbose_name=_("website"))
    organization = models.ForeignKey(
        "directory.Organization",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="network_memberships",
        verbose_name=_("directory entry"),
        help_text=_(
            "The organisation's entry in the directory of services, if it has "
            "one: the network's page links to it."
        ),
    )

    panels = [
        FieldPanel("name"),
        FieldPanel("kind"),
        FieldPanel("organization"),
        FieldPanel("website"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("member organisation")
        verbose_name_plural = _("member organisations")

    def __str__(self):
        return self.name


# --- Opportunities ----------------------------------------------------------------


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


# --- Pages ------------------------------------------------------------------------


class VolunteerIndexPage(OnePerLanguagePage, Page):
    """The "Take part" page: why volunteer, the opportunities of every
    network with filters by town and skill, and the networks themselves. Its
    code of conduct is what volunteers accept before they become active."""

    intro = RichTextField(
        blank=True, features=RICH_TEXT_FEATURES, verbose_name=_("introduction")
    )
    code_of_conduct = RichTextField(
        features=RICH_TEXT_FEATURES,
        verbose_name=_("code of conduct"),
        help_text=_("What volunteers accept before they become active."),
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("intro"),
        FieldPanel("code_of_conduct"),
    ]
    search_fields = [*Page.search_fields, index.SearchField("intro")]
    parent_page_types = ["convivir.HomePage"]
    subpage_types = ["networks.ProtectionNetworkPage"]
    max_count_per_parent = 1
    template = "networks/volunteer_index_page.html"

    class Meta:
        verbose_name = _("volunteering page")

    def get_context(self, request, *args, **kwargs):
        from networks.filters import OpportunityFilter

        context = super().get_context(request, *args, **kwargs)
        context["network_pages"] = (
            ProtectionNetworkPage.objects.child_of(self)
            .live()
            .public()
            .select_related("network")
            .order_by("title")
        )
        context["filter"] = OpportunityFilter(request.GET)
        return context


class ProtectionNetworkPage(Page):
    """A network's public page: what it does, its member organisations, its
    open opportunities and how to join. The facts (town, contact) come from
    the :class:`ProtectionNetwork`, shared by every language."""

    network = models.ForeignKey(
        ProtectionNetwork,
        on_delete=models.PROTECT,
        related_name="pages",
        verbose_name=_("network"),
    )
    summary = models.TextField(
        max_length=300,
        verbose_name=_("summary"),
        help_text=_("One or two sentences shown in listings."),
    )
    body = StreamField(
        BaseStreamBlock(), blank=True, verbose_name=_("what the network does")
    )
    how_to_join = RichTextField(
        blank=True, features=RICH_TEXT_FEATURES, verbose_name=_("how to join")
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("network"),
        FieldPanel("summary"),
        FieldPanel("body"),
        FieldPanel("how_to_join"),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("summary"),
        index.SearchField("body"),
    ]
    parent_page_types = ["networks.VolunteerIndexPage"]
    subpage_types = []
    template = "networks/protection_network_page.html"

    class Meta:
        verbose_name = _("protection network page")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        members = list(self.network.members.select_related("organization"))
        if any(member.organization_id for member in members):
            from directory.models import DirectoryIndexPage

            directory = DirectoryIndexPage.for_visitor()
            for member in members:
                member.directory_url = (
                    member.organization.get_url(request, directory)
                    if member.organization_id
                    else ""
                )
        context["members"] = members
        context["opportunities"] = (
            VolunteerOpportunity.objects.filter(network=self.network)
            .active()
            .for_listing()
        )
        return context


@register_setting(icon="group")
class VolunteeringSettings(BaseGenericSetting):
    """Which privacy notice volunteers accept, and its version: the version
    is stored with each consent, so changing the notice means raising it."""

    privacy_notice_page = models.ForeignKey(
        Page,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("privacy notice page"),
    )
    privacy_notice_version = models.CharField(
        max_length=40,
        default="1",
        verbose_name=_("privacy notice version"),
        help_text=_("Raise it whenever the privacy notice changes."),
    )

    panels = [FieldPanel("privacy_notice_page"), FieldPanel("privacy_notice_version")]

    class Meta:
        verbose_name = _("volunteering")


# --- Volunteers -------------------------------------------------------------------


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


class Volunteer(models.Model):
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

    # -- Sign-up and double opt-in --

    @classmethod
    def sign_up(cls, *, language: str, **data) -> "Volunteer":
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
    def _sign_up(cls, email: str, language: str, data: dict) -> "Volunteer":
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
        together = volunteer.signed_up_together()
        volunteer._send(
            "confirm_signup",
            context={
                "confirm_url": volunteer.absolute(
                    "networks:confirm", volunteer.confirmation_token()
                ),
                "valid_days": conf.confirmation_days(),
                "count": len(together),
                "networks": cls.networks_text(together),
            },
            with_data_link=True,
        )
        return volunteer

    def signed_up_together(self) -> list["Volunteer"]:
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
    def from_confirmation_token(cls, token: str) -> "Volunteer":
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

    def confirm(self) -> list["Volunteer"]:
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

    # -- Safeguarding and the pipeline --

    def conduct_token(self) -> str:
        return CONDUCT_LINK.make({"v": self.pk})

    @classmethod
    def from_conduct_token(cls, token: str) -> "Volunteer":
        """The volunteer a code-of-conduct link is for. The link does not
        expire: it only lets its owner accept the code, which the volunteer
        must do before becoming active, however long the follow-up takes."""
        payload = CONDUCT_LINK.load(token)
        volunteer = cls.objects.confirmed().filter(pk=payload.get("v")).first()
        if volunteer is None:
            raise LinkError("invalid")
        return volunteer

    def accept_code_of_conduct(self):
        """Recorded by the volunteer themself, through their signed link."""
        if self.conduct_accepted_at:
            return
        self.conduct_accepted_at = timezone.now()
        self.save(update_fields=["conduct_accepted_at"])
        log(instance=self, action="networks.conduct", title=self.log_label)

    def missing_safeguards(self) -> list[str]:
        """What is still needed before this volunteer may become active."""
        missing = []
        if not self.conduct_accepted_at:
            missing.append(_("the code of conduct accepted by the volunteer"))
        if not self.training_completed_at:
            missing.append(_("the safeguarding training completed"))
        if not self.references_checked_at:
            missing.append(_("the references checked"))
        return missing

    def clean(self):
        super().clean()
        if self.status == self.Status.ACTIVE and self.missing_safeguards():
            raise ValidationError(
                {
                    "status": _("A volunteer can only become active with %(missing)s.")
                    % {"missing": ", ".join(str(m) for m in self.missing_safeguards())}
                }
            )

    def record_training(self, user):
        if not self.training_completed_at:
            self.training_completed_at = timezone.now()
            self.training_recorded_by = user
            log(
                instance=self,
                action="networks.training",
                user=user,
                title=self.log_label,
            )

    def record_references(self, user):
        if not self.references_checked_at:
            self.references_checked_at = timezone.now()
            self.references_recorded_by = user
            log(
                instance=self,
                action="networks.references",
                user=user,
                title=self.log_label,
            )

    def record_status_change(self, previous: str, user):
        """Date the new status and write it to the audit log."""
        if previous == self.status:
            return
        self.status_changed_at = timezone.now()
        log(
            instance=self,
            action="networks.status",
            user=user,
            title=self.log_label,
            data={"from": previous, "to": self.status},
        )

    def add_note(self, text: str, user) -> "VolunteerNote":
        note = self.notes.create(text=text, author=user)
        # The note's text is personal; the log only says that one was added.
        log(instance=self, action="networks.note", user=user, title=self.log_label)
        return note

    # -- The volunteer's own data (see networks.privacy) --

    @staticmethod
    def email_from_data_token(token: str) -> str:
        """The address an old "my data" link (made before the self-service
        moved to the core, naming the sign-ups by number) is for. Raises
        :class:`LinkError` when the link is expired, tampered with, or its
        data already deleted."""
        payload = OLD_DATA_LINK.load(token)
        ids = payload.get("v")
        ids = [pk for pk in ids or [] if isinstance(pk, int)]
        email = (
            Volunteer.objects.filter(pk__in=ids).values_list("email", flat=True).first()
        )
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


def _user_language(user) -> str:
    profile = getattr(user, "wagtail_userprofile", None)
    return supported_language(getattr(profile, "preferred_language", "") or None)


@receiver(pre_save, sender=ModelLogEntry)
def _keep_names_out_of_the_audit_log(sender, instance, **kwargs):
    """Wagtail's own views log an object under its name; for volunteers the
    label becomes their number, so the site history never shows who they are
    (and keeps nothing personal once they are deleted)."""
    if instance.content_type_id == ContentType.objects.get_for_model(Volunteer).pk:
        instance.label = (
            f"{Volunteer._meta.verbose_name.capitalize()} #{instance.object_id}"
        )
