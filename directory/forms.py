"""Public forms of the directory."""

from django import forms
from django.utils.translation import gettext_lazy as _

from convivir.forms import PublicForm, PublicModelForm
from directory.choices import ServiceStatus
from directory.models.reports import WrongInformationReport


class WrongInformationForm(PublicModelForm):
    """ "Report wrong information" on a service page: what is wrong, and an
    optional way to reach the person."""

    class Meta:
        model = WrongInformationReport
        fields = ["what_is_wrong", "contact"]
        labels = {"what_is_wrong": _("What is wrong or out of date?")}
        help_texts = {
            "what_is_wrong": _(
                "For example: the phone does not answer, they moved, it is full."
            )
        }
        widgets = {"what_is_wrong": forms.Textarea(attrs={"rows": 4})}

    def clean_what_is_wrong(self):
        text = self.cleaned_data["what_is_wrong"].strip()
        if len(text) < 5:
            raise forms.ValidationError(_("Tell us in a few words what is wrong."))
        return text


class ProposalForm(PublicForm):
    """What the service's own contact says has changed."""

    changes = forms.CharField(
        label=_("What has changed?"),
        help_text=_(
            "Hours, phones, address, what to bring… The editors will review it."
        ),
        max_length=3000,
        widget=forms.Textarea(attrs={"rows": 5}),
    )

    def clean_changes(self):
        text = self.cleaned_data["changes"].strip()
        if len(text) < 5:
            raise forms.ValidationError(_("Tell us in a few words what has changed."))
        return text


class StatusForm(PublicForm):
    """The shelter's status today, set from a phone."""

    status = forms.ChoiceField(
        label=_("Status today"),
        choices=ServiceStatus.choices,
        widget=forms.RadioSelect,
    )
