"""What the site holds about a person under their e-mail address, and the
one self-service through which they see it, download it and delete it.

The core knows no app. Each app that keeps something under an e-mail address
describes it with a :class:`PersonalData` and registers it in its
``AppConfig.ready()``::

    from convivir.privacy import personal_data
    from events.privacy import event_registrations

    personal_data.register(event_registrations)

- ``export(email, audit=False)`` returns the records held under the address
  as plain data: a list of dicts of strings, numbers, booleans, dates and
  lists of those. With ``audit=True`` (the person downloads them) it also
  writes one audit-log entry per record.
- ``erase(email)`` deletes or anonymises them, in the caller's transaction,
  and returns how many records it deleted or cleared.
- ``erasure`` says in plain words what deleting means for this app; the
  page shows it before the person confirms.
- ``fields`` labels every key of a record on the page, in the page's
  language; the value of ``title_field`` heads each record.

Audit-log entries never hold the address or a name: records are named by
number or code. The links and pages are in :mod:`convivir.privacy.links`
and :mod:`convivir.privacy.views`.
"""

from collections.abc import Callable
from dataclasses import dataclass

from django.db import transaction
from django.utils import timezone

from convivir.common.validators import normalize_email
from convivir.models import PersonalDataLink


@dataclass(frozen=True)
class PersonalData:
    """What one app holds under an e-mail address (see the module)."""

    name: str
    label: str
    export: Callable[..., list[dict]]
    erase: Callable[[str], int]
    erasure: str
    fields: dict
    title_field: str = ""
    order: int = 50


class PersonalDataRegistry:
    """Everything the apps hold under an address, in the order shown."""

    def __init__(self):
        self._holders: dict[str, PersonalData] = {}

    def register(self, holder: PersonalData):
        self._holders[holder.name] = holder

    def __iter__(self):
        return iter(sorted(self._holders.values(), key=lambda h: (h.order, h.name)))

    def __getitem__(self, name: str) -> PersonalData:
        return self._holders[name]

    def held(self, email: str) -> list[tuple[PersonalData, list[dict]]]:
        """Each app holding something under ``email``, with its records."""
        email = normalize_email(email)
        found = [(holder, holder.export(email)) for holder in self]
        return [(holder, records) for holder, records in found if records]

    def holds(self, email: str) -> bool:
        return bool(self.held(email))

    def export(self, email: str) -> dict:
        """The download: every app's records under ``email``, each app's
        export writing its audit-log entries."""
        email = normalize_email(email)
        return {
            "email": email,
            "exported_at": timezone.now(),
            "data": {
                holder.name: {
                    "label": str(holder.label),
                    "records": holder.export(email, audit=True),
                }
                for holder in self
            },
        }

    def erase(self, email: str) -> dict[str, int]:
        """Delete or anonymise everything under ``email``, all or nothing,
        and the "my data" links made for it. Returns, per app, how many
        records were deleted or cleared."""
        email = normalize_email(email)
        with transaction.atomic():
            erased = {holder.name: holder.erase(email) for holder in self}
            PersonalDataLink.objects.filter(email=email).delete()
        return erased


personal_data = PersonalDataRegistry()
