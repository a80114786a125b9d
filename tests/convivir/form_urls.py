"""A small public form, wired like the apps' forms, to test what they share."""

from django import forms
from django.conf.urls.i18n import i18n_patterns
from django.core.exceptions import ValidationError
from django.http import HttpResponse, HttpResponseRedirect
from django.template import engines
from django.urls import path

from convivir import urls as project_urls
from convivir.forms import (
    INVALID,
    RATE_LIMITED,
    SPAM,
    PublicForm,
    handle_public_form,
)
from convivir.ratelimit import RateLimit

SUBMISSIONS = []

PAGE = engines["django"].from_string(
    """{% extends "base.html" %}{% block content %}<div class="wrap">
    <h1>Inscripción</h1>
    {% include "includes/form.html" with submit_label="Inscribirme" %}
    </div>{% endblock %}"""
)


class SignupForm(PublicForm):
    name = forms.CharField(label="Nombre", max_length=60)
    email = forms.EmailField(label="Correo", help_text="Te escribiremos aquí.")
    seats = forms.IntegerField(label="Lugares", min_value=1, max_value=4)
    language = forms.ChoiceField(
        label="Idioma",
        choices=[("es", "Español"), ("en", "English")],
        widget=forms.RadioSelect,
    )
    consent = forms.BooleanField(label="Acepto el aviso de privacidad")

    def clean_name(self):
        name = self.cleaned_data["name"]
        if name.lower() == "admin":
            raise ValidationError("Usa tu nombre.")
        return name


RATE = RateLimit("test-signup", limit=3, window=600)


def signup(request):
    # Not "request.POST or None": an empty POST must still be validated.
    form = SignupForm(request.POST if request.method == "POST" else None)
    status = 200
    if request.method == "POST":
        outcome = handle_public_form(request, form, RATE)
        if outcome == SPAM:
            return HttpResponseRedirect("gracias/")
        if outcome == RATE_LIMITED:
            status = 429
        elif outcome != INVALID:
            SUBMISSIONS.append(form.cleaned_data)
            return HttpResponseRedirect("gracias/")
    return HttpResponse(PAGE.render({"form": form}, request), status=status)


handler400 = project_urls.handler400
handler403 = project_urls.handler403
handler500 = project_urls.handler500
urlpatterns = [
    *i18n_patterns(path("inscripcion/", signup), prefix_default_language=True),
    *project_urls.urlpatterns,
]
