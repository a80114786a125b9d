"""The volunteer sign-up form and the coordinators' form for following a
volunteer up."""

import re

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from wagtail.admin.forms import WagtailAdminModelForm

from convivir.common.choices import Weekday
from convivir.common.phones import PhoneFormField
from convivir.forms import PublicForm
from networks.choices import Skill, SpokenLanguage, TimeOfDay
from networks.models import ProtectionNetwork, Volunteer, VolunteerOpportunity

NETWORK_PREFIX = "network-"
OPPORTUNITY_PREFIX = "opportunity-"


class VolunteerSignupForm(PublicForm):
    """Everything a coordinator needs to call a new volunteer back, and no
    more. Works without JavaScript: the network or opportunity is one select
    grouped by network."""

    name = forms.CharField(
        label=_("Your name"),
        max_length=120,
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
    )
    email = forms.EmailField(
        label=_("E-mail"),
        max_length=254,
        help_text=_("We will send you a link to confirm your sign-up."),
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )
    phone = PhoneFormField(
        label=_("Phone or WhatsApp"),
        required=False,
        help_text=_("Only your network's coordinators will see it."),
    )
    municipality = forms.CharField(
        label=_("Municipality where you live"), max_length=80
    )
    interest = forms.ChoiceField(
        label=_("Network or opportunity"),
        help_text=_("Choose a network, or one of its opportunities."),
    )
    languages = forms.MultipleChoiceField(
        label=_("Languages you speak"),
        choices=SpokenLanguage.choices,
        widget=forms.CheckboxSelectMultiple,
    )
    other_language = forms.CharField(
        label=_("Other language"),
        max_length=80,
        required=False,
        help_text=_("If you chose “Other”."),
    )
    skills = forms.MultipleChoiceField(
        label=_("What you can offer"),
        choices=Skill.choices,
        widget=forms.CheckboxSelectMultiple,
    )
    other_skill = forms.CharField(
        label=_("Other skill"),
        max_length=80,
        required=False,
        help_text=_("If you chose “Other”."),
    )
    available_days = forms.TypedMultipleChoiceField(
        label=_("Days you are available"),
        choices=Weekday.choices,
        coerce=int,
        widget=forms.CheckboxSelectMultiple,
    )
    available_times = forms.MultipleChoiceField(
        label=_("Times you are available"),
        choices=TimeOfDay.choices,
        widget=forms.CheckboxSelectMultiple,
    )
    motivation = forms.CharField(
        label=_("Why do you want to volunteer?"),
        max_length=1500,
        help_text=_("A few lines are enough."),
        widget=forms.Textarea(attrs={"rows": 5}),
    )
    is_adult = forms.BooleanField(
        label=_("I am 18 or older"),
        error_messages={"required": _("You must be 18 or older to volunteer.")},
    )
    privacy_consent = forms.BooleanField(
        label=_("I have read and accept the privacy notice"),
        error_messages={
            "required": _("We can only keep your details with your consent.")
        },
    )

    def __init__(self, *args, initial_interest: str = "", **kwargs):
        super().__init__(*args, **kwargs)
        networks = list(ProtectionNetwork.objects.filter(is_active=True))
        opportunities = VolunteerOpportunity.objects.active().for_listing()
        by_network = {}
        for opportunity in opportunities:
            by_network.setdefault(opportunity.network_id, []).append(opportunity)
        choices = [("", _("Choose…"))]
        self.networks = {f"{NETWORK_PREFIX}{n.pk}": n for n in networks}
        self.opportunities = {f"{OPPORTUNITY_PREFIX}{o.pk}": o for o in opportunities}
        for network in networks:
            group = [
                (
                    f"{NETWORK_PREFIX}{network.pk}",
                    _("Any opportunity in %(network)s") % {"network": network.name},
                )
            ]
            group += [
                (f"{OPPORTUNITY_PREFIX}{o.pk}", o.title)
                for o in by_network.get(network.pk, [])
            ]
            choices.append((f"{network.name} ({network.municipality})", group))
        self.fields["interest"].choices = choices
        if initial_interest:
            self.fields["interest"].initial = initial_interest

    def clean(self):
        cleaned = super().clean()
        for choices_field, other_field in (
            ("languages", "other_language"),
            ("skills", "other_skill"),
        ):
            if (
                "other" in cleaned.get(choices_field, [])
                and not cleaned.get(other_field, "").strip()
            ):
                self.add_error(other_field, _("Tell us which one."))
        return cleaned

    def signup_data(self) -> dict:
        """The cleaned data as :meth:`Volunteer.sign_up` takes it."""
        data = dict(self.cleaned_data)
        interest = data.pop("interest")
        data.pop("privacy_consent")
        data.pop(self.honeypot_field, None)
        opportunity = self.opportunities.get(interest)
        network = opportunity.network if opportunity else self.networks[interest]
        data.update(network=network, opportunity=opportunity)
        return data

    @staticmethod
    def interest_from_query(query) -> str:
        """The choice to preselect from a link's ``?red=`` (a network's slug)
        or ``?oportunidad=`` (an opportunity's id)."""
        slug = query.get("red", "")
        opportunity = query.get("oportunidad", "")
        if re.fullmatch(r"[0-9]{1,9}", opportunity):
            return f"{OPPORTUNITY_PREFIX}{int(opportunity)}"
        if re.fullmatch(r"[-a-zA-Z0-9_]{1,80}", slug):
            network = ProtectionNetwork.objects.filter(slug=slug).first()
            if network:
                return f"{NETWORK_PREFIX}{network.pk}"
        return ""


class VolunteerAdminForm(WagtailAdminModelForm):
    """What a coordinator records: the status, the safeguards they checked
    and a dated note. The volunteer's own details are shown, not edited."""

    record_training = forms.BooleanField(
        required=False, label=_("Safeguarding training completed")
    )
    record_references = forms.BooleanField(
        required=False, label=_("References checked")
    )
    new_note = forms.CharField(
        required=False,
        max_length=2000,
        label=_("Add a note"),
        help_text=_("Dated and signed with your name. Do not write health data."),
        widget=forms.Textarea(attrs={"rows": 3}),
    )

    class Meta:
        model = Volunteer
        fields = ["status"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.initial_status = self.instance.status
        for name, stamp in (
            ("record_training", self.instance.training_completed_at),
            ("record_references", self.instance.references_checked_at),
        ):
            if stamp:
                self.fields[name].initial = True
                self.fields[name].disabled = True

    def clean(self):
        cleaned = super().clean()
        # Apply the ticked safeguards before the model checks the status.
        now = timezone.now()
        self._new_training = bool(
            cleaned.get("record_training") and not self.instance.training_completed_at
        )
        self._new_references = bool(
            cleaned.get("record_references") and not self.instance.references_checked_at
        )
        if self._new_training:
            self.instance.training_completed_at = now
        if self._new_references:
            self.instance.references_checked_at = now
        return cleaned

    def save(self, commit=True):
        volunteer = self.instance
        user = getattr(self, "for_user", None)
        if self._new_training:
            volunteer.training_completed_at = None
            volunteer.record_training(user)
        if self._new_references:
            volunteer.references_checked_at = None
            volunteer.record_references(user)
        volunteer.record_status_change(self.initial_status, user)
        volunteer = super().save(commit=commit)
        note = self.cleaned_data.get("new_note", "").strip()
        if note:
            volunteer.add_note(note, user)
        return volunteer


class OpportunityAdminForm(WagtailAdminModelForm):
    """Skills as checkboxes instead of raw JSON."""

    skills = forms.MultipleChoiceField(
        label=_("skills wanted"),
        choices=Skill.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
