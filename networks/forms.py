"""The public volunteer sign-up form."""

import re

from django import forms
from django.utils.translation import gettext_lazy as _

from convivir.common.choices import Weekday
from convivir.common.phones import PhoneFormField
from convivir.forms import PublicForm
from networks.choices import Skill, SpokenLanguage, TimeOfDay
from networks.models import ProtectionNetwork, VolunteerOpportunity

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


class ResendConfirmationForm(PublicForm):
    """Asks for the confirmation e-mail again, by address."""

    email = forms.EmailField(
        label=_("E-mail you signed up with"),
        max_length=254,
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )
