"""Receivers: a new campaign list or materials library is handed to the
writers and reviewers (see :mod:`campaigns.admin.permissions`)."""

from django.db.models.signals import post_save
from django.dispatch import receiver

from campaigns.admin.permissions import grant_page_rights
from campaigns.models import CampaignIndexPage, DialogueMaterialIndexPage


@receiver(post_save, sender=CampaignIndexPage)
@receiver(post_save, sender=DialogueMaterialIndexPage)
def _hand_over_to_communications(sender, instance, created, raw=False, **kwargs):
    if created and not raw:
        grant_page_rights(instance)
