"""Campaigns against prejudice, the pledges people sign for them, and the
library of materials for dialogue sessions in host communities.

A :class:`CampaignPage` lives under a :class:`CampaignIndexPage` (the listing
with its filters); a :class:`DialogueMaterialPage` under a
:class:`DialogueMaterialIndexPage`. Both are tagged with :class:`Theme`, a
translatable taxonomy. A :class:`Pledge` is one person's "Me comprometo…"
for one campaign: pending until they confirm their address (double
opt-in), counted once confirmed, deleted if never confirmed.

- :mod:`~campaigns.models.themes`: the themes;
- :mod:`~campaigns.models.campaigns`: the campaign list and campaign pages;
- :mod:`~campaigns.models.pledges`: pledges;
- :mod:`~campaigns.models.materials`: the materials library and its pages.
"""

from campaigns.models.campaigns import CampaignIndexPage, CampaignPage, CampaignTarget
from campaigns.models.materials import DialogueMaterialIndexPage, DialogueMaterialPage
from campaigns.models.pledges import CONFIRM_LINK, Pledge, PledgeQuerySet
from campaigns.models.themes import Theme

__all__ = [
    "CONFIRM_LINK",
    "CampaignIndexPage",
    "CampaignPage",
    "CampaignTarget",
    "DialogueMaterialIndexPage",
    "DialogueMaterialPage",
    "Pledge",
    "PledgeQuerySet",
    "Theme",
]
