"""The event page's admin form, kept apart from :mod:`events.forms` so the
models can name it without a circular import."""

from django import forms
from django.utils.translation import gettext_lazy as _

from wagtail.admin.forms import WagtailAdminPageForm

from events.choices import EventLanguage


class EventPageForm(WagtailAdminPageForm):
    """Languages as checkboxes; saving turns "repeat until" marks into the
    series of occurrences (see :meth:`EventPage.expand_repeats`)."""

    languages = forms.MultipleChoiceField(
        label=_("languages spoken"),
        choices=EventLanguage.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    def save(self, commit=True):
        page = super().save(commit=False)
        page.expand_repeats()
        if commit:
            page.save()
        return page
