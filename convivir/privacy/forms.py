"""The forms of the "my data" pages."""

from django import forms
from django.utils.translation import gettext_lazy as _

from convivir.forms import PublicForm


class DataLinkForm(PublicForm):
    """Asks for a "my data" link by e-mail."""

    email = forms.EmailField(
        label=_("Your e-mail address"),
        max_length=254,
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )


class DeleteDataForm(PublicForm):
    """Deleting cannot be undone: the person ticks a box first."""

    confirm = forms.BooleanField(
        label=_("Yes, delete all my data"),
        error_messages={"required": _("Tick the box to confirm.")},
    )
