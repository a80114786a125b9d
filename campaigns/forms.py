"""The public pledge form."""

from django import forms
from django.utils.translation import gettext_lazy as _

from convivir.forms import PublicForm


class PledgeForm(PublicForm):
    """The least a pledge needs: an address to confirm, the municipality for
    the campaign's map of support, and consent. The name is optional: a
    pledge without one is counted like an anonymous one."""

    name = forms.CharField(
        label=_("Your name"),
        max_length=120,
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
    )
    is_anonymous = forms.BooleanField(
        label=_("Keep me anonymous"),
        required=False,
        help_text=_("Your name is not kept; only the count goes up."),
    )
    email = forms.EmailField(
        label=_("E-mail"),
        max_length=254,
        help_text=_("We will send you a link to confirm your pledge."),
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )
    municipality = forms.CharField(
        label=_("Municipality where you live"), max_length=80
    )
    consent = forms.BooleanField(
        label=_(
            "I agree that Convivir keeps my pledge to count it, and deletes it "
            "if I do not confirm it"
        ),
        error_messages={
            "required": _("We can only count your pledge with your consent.")
        },
    )

    def pledge_data(self) -> dict:
        data = {
            key: self.cleaned_data[key]
            for key in ("name", "is_anonymous", "email", "municipality")
        }
        data["name"] = data["name"].strip()
        return data
