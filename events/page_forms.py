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

    def clean(self):
        """A date that has registrations cannot be removed: deleting it would
        delete them (and the anonymous counts kept for reports)."""
        cleaned_data = super().clean()
        formset = self.formsets.get("occurrences")
        if formset is None:
            return cleaned_data
        # The inline forms are cleaned after this form: read the raw box.
        removed = {
            form.instance.pk: form
            for form in formset.forms
            if form.instance.pk and "DELETE" in form.fields and form["DELETE"].value()
        }
        if removed:
            from events.models import Registration

            booked = set(
                Registration.objects.filter(occurrence__in=removed).values_list(
                    "occurrence_id", flat=True
                )
            )
            for pk in booked:
                removed[pk].add_error(
                    None,
                    _(
                        "This date has registrations, so it cannot be removed. "
                        "Close its registration and tell the people registered "
                        "instead."
                    ),
                )
        return cleaned_data

    def save(self, commit=True):
        page = super().save(commit=False)
        page.expand_repeats()
        if commit:
            page.save()
        return page
