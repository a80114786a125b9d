"""The body blocks of an event page: the site's shared blocks plus a call to
volunteer with a protection network."""

from convivir.blocks import BaseStreamBlock
from networks.blocks import VolunteerCallToActionBlock


class EventStreamBlock(BaseStreamBlock):
    """Every content block, and the volunteer call to action: an event is
    often where neighbours first hear of the local network."""

    volunteer_cta = VolunteerCallToActionBlock()
