"""What every public form of the site shares (event registration, pledges,
volunteer sign-up, reports of wrong information):

- labels above fields, hints, each error under its field and a summary at the
  top linking to every error (the GOV.UK pattern), with ``aria-describedby``
  and ``aria-invalid`` set so screen readers announce them;
- a honeypot field that people never see and scripts fill in;
- a rate limit per client (see :mod:`convivir.ratelimit`).

Use :class:`PublicForm` or :class:`PublicModelForm`, render with
``{% include "includes/form.html" %}`` and follow :func:`handle_public_form`
in the view. CSRF protection comes from Django's middleware and the
``{% csrf_token %}`` in the form template.
"""

from django import forms
from django.forms.boundfield import BoundField
from django.forms.renderers import TemplatesSetting
from django.utils.translation import gettext_lazy as _

from convivir.ratelimit import RateLimit

HONEYPOT_FIELD = "website"


class PublicFormRenderer(TemplatesSetting):
    """Renders public forms with the site's own templates (the admin keeps
    Django's and Wagtail's)."""

    form_template_name = "includes/form_fields.html"
    field_template_name = "includes/form_field.html"


class PublicBoundField(BoundField):
    """Points each widget at its hint and its error message."""

    def build_widget_attrs(self, attrs, widget=None):
        attrs = super().build_widget_attrs(attrs, widget)
        described_by = []
        if self.help_text:
            described_by.append(f"{self.auto_id}_helptext")
        if self.errors:
            described_by.append(f"{self.auto_id}_error")
            attrs["aria-invalid"] = "true"
        if described_by and not self.field.widget.use_fieldset:
            attrs["aria-describedby"] = " ".join(described_by)
        return attrs


class PublicFormMixin:
    """Honeypot, accessible rendering and the site's renderer."""

    default_renderer = PublicFormRenderer()
    bound_field_class = PublicBoundField
    honeypot_field = HONEYPOT_FIELD

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields[self.honeypot_field] = forms.CharField(
            required=False,
            label=_("Leave this field empty"),
            widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
        )

    @property
    def is_spam(self) -> bool:
        """True when the honeypot was filled in: a script, not a person."""
        return bool(self.data.get(self.add_prefix(self.honeypot_field), "").strip())

    def visible_fields(self):
        return [f for f in super().visible_fields() if f.name != self.honeypot_field]

    @property
    def honeypot(self):
        return self[self.honeypot_field]

    def error_summary(self) -> list[dict]:
        """Every error with the id and the label of the field it belongs
        to, in form order, for the summary at the top of the page: far from
        its field, "Este campo es obligatorio." must say which field."""
        summary = [
            {"anchor": "", "label": "", "message": e} for e in self.non_field_errors()
        ]
        for field in self.visible_fields():
            summary += [
                {"anchor": field.auto_id, "label": field.label, "message": error}
                for error in field.errors
            ]
        return summary


class PublicForm(PublicFormMixin, forms.Form):
    """A public form (see the module's docstring)."""


class PublicModelForm(PublicFormMixin, forms.ModelForm):
    """A public form that edits a model instance."""


RATE_LIMITED = "rate_limited"
SPAM = "spam"
INVALID = "invalid"
VALID = "valid"


def handle_public_form(request, form, rate_limit: RateLimit) -> str:
    """Decide what a POSTed public form leads to, in a fixed order. The view
    then acts on the outcome:

    - ``"rate_limited"``: too many attempts; the error is already added to
      the form: show it again with status 429, save nothing;
    - ``"spam"``: the honeypot was filled; answer as if it worked, save
      nothing;
    - ``"invalid"``: show the form again with its errors (status 200);
    - ``"valid"``: the view saves, in one transaction, and sends e-mail
      through :func:`convivir.notifications.send_notification` (which waits
      for the commit).
    """
    if not rate_limit.hit(request):
        form.is_valid()  # so field values are kept when the form is shown again
        form.add_error(
            None,
            _(
                "Too many attempts from your connection. Please wait a few "
                "minutes and try again."
            ),
        )
        return RATE_LIMITED
    if form.is_spam:
        return SPAM
    return VALID if form.is_valid() else INVALID
