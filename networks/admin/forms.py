"""The admin's forms: what a coordinator records about a volunteer, and
the opportunity form."""

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from wagtail.admin.forms import WagtailAdminModelForm

from networks.choices import Skill
from networks.models import Volunteer


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
