"""English as the site writes it for readers in Mexico: day before month
("1 December 2026", "14 March"), times on the 24-hour clock, as the Spanish
pages do; the rest is Django's English."""

from django.conf.locale.en.formats import *  # noqa: F403

DATE_FORMAT = "j F Y"
MONTH_DAY_FORMAT = "j F"
DATETIME_FORMAT = "j F Y, H:i"
TIME_FORMAT = "H:i"
