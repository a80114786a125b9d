"""The public addresses of directory entries. Each is a route of the
directory page in the language being shown: ``/es/buscar-ayuda/servicio/<slug>/``,
``/en/find-help/service/<slug>/`` (see :class:`DirectoryIndexPage`).

The directory page serves the entries, so its module imports theirs; an
entry finds the page by its model's name (:func:`directory_page`), so that
imports point one way, from the page to the entries."""

from django.apps import apps
from django.utils import translation


def directory_page(language: str | None = None):
    """The live directory page in ``language`` (by default the language
    being shown), else the default language's; None when there is none."""
    model = apps.get_model("directory", "DirectoryIndexPage")
    if language is None:
        return model.for_visitor()
    with translation.override(language):
        return model.for_visitor()
