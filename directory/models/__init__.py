"""The directory of shelters and services, following the Open Referral Human
Services Data Specification (HSDS 3.0): names, meanings and UUID ids come
from the specification, so the HSDS API and the data packages are a direct
reading of these models.

- :mod:`~directory.models.taxonomy`: service types and populations;
- :mod:`~directory.models.organizations`: an :class:`Organization` and its
  :class:`Location` rows (its places, edited inline), and the requests to
  publish a confidential address (:class:`AddressRelease`);
- :mod:`~directory.models.services`: a :class:`Service` (drafts, revisions,
  moderation) offered at locations through :class:`ServiceAtLocation`, with
  the phones, schedules, contacts and required documents of
  :mod:`~directory.models.service_details`, edited inline as one cluster;
- :mod:`~directory.models.reports`: reports of wrong information;
- :mod:`~directory.models.pages`: the public directory page.

Import from here (``from directory.models import Service``); the modules of
this package import one another in that order, never the other way.
"""

from directory.models.organizations import (
    AddressRelease,
    Location,
    Organization,
    town_slug,
)
from directory.models.pages import DirectoryIndexPage
from directory.models.reports import WrongInformationReport
from directory.models.service_details import (
    Contact,
    Phone,
    RequiredDocument,
    Schedule,
)
from directory.models.services import (
    MEXICO_CITY,
    STATUS_LINK,
    VERIFY_LINK,
    Service,
    ServiceAtLocation,
    ServiceQuerySet,
)
from directory.models.taxonomy import (
    POPULATIONS,
    SERVICE_TYPES,
    Taxonomy,
    TaxonomyTerm,
)

__all__ = [
    "MEXICO_CITY",
    "POPULATIONS",
    "SERVICE_TYPES",
    "STATUS_LINK",
    "VERIFY_LINK",
    "AddressRelease",
    "Contact",
    "DirectoryIndexPage",
    "Location",
    "Organization",
    "Phone",
    "RequiredDocument",
    "Schedule",
    "Service",
    "ServiceAtLocation",
    "ServiceQuerySet",
    "Taxonomy",
    "TaxonomyTerm",
    "WrongInformationReport",
    "town_slug",
]
