"""The networks' part in the whole-page cache (convivir/pagecache.py): the
networks and volunteer opportunities are snippets that pages show (network
pages, the volunteering page, the home page's call to volunteer) without
being republished, so saving or deleting one changes ``content``."""

from django.db.models.signals import post_delete, post_save

from convivir import pagecache
from networks.models import ProtectionNetwork, VolunteerOpportunity


def _changed(**kwargs):
    pagecache.changed("content")


def connect():
    for model in (ProtectionNetwork, VolunteerOpportunity):
        for signal in (post_save, post_delete):
            signal.connect(
                _changed, sender=model, dispatch_uid=f"networks.pages_kept.{model}"
            )
