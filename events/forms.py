"""The calendar's filters, the public registration form and the "send me
the confirmation again" form."""

from datetime import timedelta

from django import forms
from django.conf import settings
from django.db.models import Q
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from convivir.common.choices import State
from convivir.common.languages import active_locale, default_locale
from convivir.common.phones import PhoneFormField
from convivir.forms import PublicForm
from events.choices import EventLanguage
from events.models import EventCategory, EventPage, Venue, local_midnight


class EventFilterForm(forms.Form):
    """The calendar's filters, read from the query string. Unknown values
    are reported and ignored (the other filters still apply): a shared or
    mistyped link must never break the page."""

    q = forms.CharField(label=_("Search"), max_length=100, required=False)
    state = forms.ChoiceField(label=_("State"), required=False)
    municipality = forms.ChoiceField(label=_("Municipality"), required=False)
    category = forms.ChoiceField(label=_("Category"), required=False)
    language = forms.ChoiceField(label=_("Language"), required=False)

    def __init__(self, data=None, **kwargs):
        super().__init__(data, **kwargs)
        anything = [("", _("Any"))]
        source = default_locale()
        towns = (
            Venue.objects.filter(locale=source)
            .order_by("municipality")
            .values_list("municipality", flat=True)
            .distinct()
        )
        self.fields["state"].choices = anything + list(State.choices)
        self.fields["municipality"].choices = anything + [(t, t) for t in towns]
        locale = active_locale() or source
        self.fields["category"].choices = anything + [
            (c.slug, c.name) for c in EventCategory.objects.filter(locale=locale)
        ]
        self.fields["language"].choices = anything + list(EventLanguage.choices)
        # "from" and "to" are Python keywords, so they are added by name.
        self.fields["from"] = forms.DateField(
            label=_("From"),
            required=False,
            widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        )
        self.fields["to"] = forms.DateField(
            label=_("To"),
            required=False,
            widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        )
        self.is_valid()

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("from"), cleaned.get("to")
        if start and end and end < start:
            self.add_error("to", _("The end date must be after the start date."))
            cleaned.pop("to", None)
        return cleaned

    @property
    def filters(self) -> dict:
        """The filters that were understood."""
        data = getattr(self, "cleaned_data", {})
        return {name: value for name, value in data.items() if value}

    @property
    def ignored(self) -> list[str]:
        """The labels of the filters that were not understood."""
        return [str(self.fields[name].label) for name in self.errors]

    @property
    def is_filtered(self) -> bool:
        return bool(self.filters)

    def apply(self, occurrences):
        """Narrow an occurrence queryset by the understood filters."""
        f = self.filters
        if "state" in f:
            occurrences = occurrences.filter(page__venue__state=f["state"])
        if "municipality" in f:
            occurrences = occurrences.filter(
                page__venue__municipality=f["municipality"]
            )
        if "category" in f:
            # The category's slug is the same in every language.
            occurrences = occurrences.filter(page__category__slug=f["category"])
        if "language" in f:
            # A text match on the JSON list: works on SQLite and PostgreSQL.
            occurrences = occurrences.filter(
                page__languages__icontains=f'"{f["language"]}"'
            )
        if "from" in f:
            occurrences = occurrences.filter(end__gte=local_midnight(f["from"]))
        if "to" in f:
            occurrences = occurrences.filter(
                start__lt=local_midnight(f["to"] + timedelta(days=1))
            )
        if "q" in f:
            words = f["q"].strip()
            # Matches the event in any language: the translations' titles
            # and summaries are searched through their shared key.
            matching = EventPage.objects.filter(
                Q(title__icontains=words) | Q(summary__icontains=words)
            ).values("translation_key")
            occurrences = occurrences.filter(
                Q(page__translation_key__in=matching)
                | Q(page__venue__name__icontains=words)
                | Q(page__venue__municipality__icontains=words)
                | Q(page__organiser__icontains=words)
            )
        return occurrences

    def querystring(self, **changes) -> str:
        """The understood filters as a query string (for pagination, the
        month links and the iCal feed)."""
        from django.http import QueryDict

        query = QueryDict(mutable=True)
        for name, value in self.filters.items():
            query[name] = value.isoformat() if hasattr(value, "isoformat") else value
        for name, value in changes.items():
            query[name] = value
        return query.urlencode()


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
