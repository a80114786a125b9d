"""The public registration form and the "send me the confirmation again"
form. (The calendar's filter is in :mod:`events.filters`.)"""

from django import forms
from django.conf import settings
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from convivir.common.phones import PhoneFormField
from convivir.forms import PublicForm


class RegistrationForm(PublicForm):
    """What a registration needs, and no more: a name, an e-mail address or
    a phone number, the seats, accessibility needs, the language for
    messages and consent."""

    name = forms.CharField(
        label=_("Your name"),
        max_length=120,
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
    )
    email = forms.EmailField(
        label=_("E-mail"),
        max_length=254,
        required=False,
        help_text=_("We send the confirmation and a reminder here."),
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )
    phone = PhoneFormField(
        label=_("Phone or WhatsApp"),
        required=False,
        help_text=_(
            "If you have no e-mail. You will get a registration code on the "
            "next page: write it down or take a photo."
        ),
    )
    seats = forms.IntegerField(
        label=_("Number of seats"),
        min_value=1,
        initial=1,
        widget=forms.NumberInput(attrs={"inputmode": "numeric"}),
    )
    accessibility_needs = forms.CharField(
        label=_("Accessibility needs"),
        max_length=500,
        required=False,
        help_text=_(
            "E.g. wheelchair access, sign language, a seat near the front. "
            "Do not write health details."
        ),
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    language = forms.ChoiceField(
        label=_("Language for our messages"), choices=settings.LANGUAGES
    )
    consent = forms.BooleanField(
        label=_(
            "I agree that Convivir keeps these details to manage my "
            "registration. They are deleted after the event."
        ),
        error_messages={"required": _("We can only register you with your consent.")},
    )

    def __init__(self, *args, occurrence=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["language"].initial = translation.get_language()
        if occurrence is not None:
            most = occurrence.max_seats_per_registration
            seats = self.fields["seats"]
            seats.help_text = _("Up to %(max)s per registration.") % {"max": most}
            seats.widget.attrs.update(min=1, max=most)
            self.max_seats = most

    def clean_seats(self):
        seats = self.cleaned_data["seats"]
        most = getattr(self, "max_seats", None)
        if most is not None and seats > most:
            raise forms.ValidationError(
                _("You can register at most %(max)s seats at a time.") % {"max": most}
            )
        return seats

    def clean(self):
        cleaned = super().clean()
        if (
            "email" in cleaned
            and "phone" in cleaned
            and not cleaned["email"]
            and not cleaned["phone"]
        ):
            self.add_error(
                "email", _("Give an e-mail address or a phone number (or both).")
            )
        return cleaned


class ResendForm(PublicForm):
    """Sends the confirmation again to an address already registered."""

    email = forms.EmailField(label=_("E-mail"), max_length=254)
