"""Spanish as written in Mexico: the site's "es" uses Django's es_MX formats
(decimal point, comma for thousands, day-month-year dates)."""

from django.conf.locale.es_MX.formats import *  # noqa: F403
