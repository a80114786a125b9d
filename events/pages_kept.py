"""The events' part in the whole-page cache (convivir/pagecache.py): a
registration, a cancellation or a change of dates changes the seats left
that the home page, event pages and listings show (the ``seats`` area)."""

from django.db.models.signals import post_delete, post_save

from convivir import pagecache
from events.models import Occurrence, Registration


def _changed(**kwargs):
    pagecache.changed("seats")


def connect():
    for model in (Occurrence, Registration):
        for signal in (post_save, post_delete):
            signal.connect(
                _changed, sender=model, dispatch_uid=f"events.pages_kept.{model}"
            )
