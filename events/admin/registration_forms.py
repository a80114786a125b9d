"""The admin's registration forms: adding someone by hand and correcting
someone's details. Seats are taken only through
:meth:`~events.models.Registration.register` (see :mod:`.views`)."""

from django import forms
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from wagtail.admin.forms import WagtailAdminModelForm

from events.admin.queries import staff_occurrences
from events.models import Occurrence, Registration


class RegistrationCreateForm(WagtailAdminModelForm):
    """Adding someone by hand (a phone call, a visit): the same rules as
    the public form, except the opening dates."""

    occurrence = forms.ModelChoiceField(
        queryset=Occurrence.objects.none(), label=gettext_lazy("date")
    )

    class Meta:
        model = Registration
        fields = [
            "occurrence",
            "name",
            "email",
            "phone",
            "seats",
            "accessibility_needs",
            "language",
        ]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["occurrence"].queryset = staff_occurrences().filter(
            start__gt=timezone.now()
        )
        self.fields["name"].required = True

    def clean(self):
        cleaned = super().clean()
        if not cleaned.get("email") and not cleaned.get("phone"):
            self.add_error(
                "email", _("Give an e-mail address or a phone number (or both).")
            )
        return cleaned


class RegistrationEditForm(WagtailAdminModelForm):
    """Correcting someone's details; seats and status change only through
    registering and cancelling."""

    class Meta:
        model = Registration
        fields = ["name", "email", "phone", "accessibility_needs", "language"]
