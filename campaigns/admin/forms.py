"""Admin forms for the app's page types."""

from django import forms
from django.utils.translation import gettext_lazy as _

from wagtail.admin.forms import WagtailAdminPageForm

from campaigns.choices import Audience


class DialogueMaterialPageForm(WagtailAdminPageForm):
    """Audiences as checkboxes instead of raw JSON."""

    audiences = forms.MultipleChoiceField(
        label=_("audiences"),
        choices=Audience.choices,
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": _("Choose at least one audience.")},
    )
