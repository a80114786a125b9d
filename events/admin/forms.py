"""The event page's admin form. The page model names it
(``EventPage.base_form_class``, which Wagtail wants as a class), so this
module imports no model: the booked dates are read through the page."""

from django import forms
from django.utils.translation import gettext_lazy as _

from wagtail.admin.forms import WagtailAdminPageForm

from events.booked import booked_rows
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
            booked = booked_rows(self.instance).filter(pk__in=removed).distinct()
            for pk in booked.values_list("pk", flat=True):
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
