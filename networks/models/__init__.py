"""Protection networks, their volunteer opportunities and the volunteers who
sign up for them.

A :class:`ProtectionNetwork` is the organisation (town, contact, member
organisations, coordinators); its public :class:`ProtectionNetworkPage` says
in each language what it does and how to join. A :class:`Volunteer` is one
person's sign-up for one network: pending until they confirm their e-mail
address, then followed up by the network's coordinators through the statuses
of :class:`Volunteer.Status`. Every rule about a volunteer (double opt-in,
safeguarding before "active", what coordinators may see, what is deleted
when) lives in this package, and every entry point calls it:

- :mod:`~networks.models.networks`: networks and member organisations;
- :mod:`~networks.models.opportunities`: what networks need volunteers for;
- :mod:`~networks.models.pages`: the public pages and the volunteering settings;
- :mod:`~networks.models.volunteers`: volunteers and coordinators' notes, with
  the sign-up (:mod:`~networks.models.signups`) and the follow-up
  (:mod:`~networks.models.pipeline`).
"""

from networks.models.networks import (
    COORDINATORS_GROUP,
    MemberOrganisation,
    ProtectionNetwork,
)
from networks.models.opportunities import OpportunityQuerySet, VolunteerOpportunity
from networks.models.pages import (
    ProtectionNetworkPage,
    VolunteerIndexPage,
    VolunteeringSettings,
)
from networks.models.pipeline import CONDUCT_LINK
from networks.models.signups import CONFIRM_LINK
from networks.models.volunteers import (
    OLD_DATA_LINK,
    Volunteer,
    VolunteerNote,
    VolunteerQuerySet,
)

__all__ = [
    "CONDUCT_LINK",
    "CONFIRM_LINK",
    "COORDINATORS_GROUP",
    "OLD_DATA_LINK",
    "MemberOrganisation",
    "OpportunityQuerySet",
    "ProtectionNetwork",
    "ProtectionNetworkPage",
    "Volunteer",
    "VolunteerIndexPage",
    "VolunteerNote",
    "VolunteerOpportunity",
    "VolunteerQuerySet",
    "VolunteeringSettings",
]
