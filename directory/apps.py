from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DirectoryConfig(AppConfig):
    """Shelters and services (HSDS 3.0): public directory, editors' admin,
    HSDS API, import and export, reports of wrong information."""

    name = "directory"
    verbose_name = _("Directory of shelters and services")
    default_auto_field = "django.db.models.BigAutoField"
