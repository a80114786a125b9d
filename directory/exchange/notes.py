"""The problems of one record as it is parsed, and the fields it had that
the directory does not keep: the :class:`Notes` of each row, turned into
the report's :class:`~directory.exchange.report.Issue` lines."""

from directory.exchange.report import Issue
from directory.exchange.values import Problem, text

LINKS = {"id", "service_id", "location_id", "organization_id", "link_id"}
LINKS |= {"service_at_location_id", "contact_id", "taxonomy_id", "last_modified"}
# The HSDS fields the directory keeps, object by object; any other field
# with a value is reported once per field.
KEPT = {
    "service": {
        "name", "alternate_name", "description", "url", "email", "status",
        "interpretation_services", "application_process", "fees_description",
        "eligibility_description", "minimum_age", "maximum_age", "assured_date",
        "assurer_email", "alert", "organization", "phones", "schedules",
        "service_at_locations", "languages", "cost_options", "required_documents",
        "contacts", "attributes", "convivir",
    },
    "organization": {"name", "alternate_name", "description", "email", "website"},
    "service_at_location": {
        "description", "location", "phones", "schedules", "contacts",
    },
    "location": {
        "name", "description", "transportation", "latitude", "longitude",
        "addresses", "accessibility", "phones", "schedules", "contacts", "convivir",
        "location_type",
    },
    "address": {
        "address_1", "address_2", "city", "state_province", "postal_code",
        "country", "address_type",
    },
    "accessibility": {"description", "details"},
    "phone": {"number", "extension", "type", "description", "convivir"},
    "schedule": {
        "freq", "interval", "byday", "opens_at", "closes_at", "description",
        "notes", "wkst", "attending_type",
    },
    "language": {"code", "name"},
    "required_document": {"document"},
    "contact": {"name", "title", "email", "convivir"},
    "cost_option": {"option", "amount", "currency", "amount_description"},
    "attribute": {
        "link_type", "link_entity", "taxonomy_term", "taxonomy_term_id", "value",
    },
}  # fmt: skip


class Notes:
    """The problems of one record, and the fields it had that the
    directory does not keep."""

    def __init__(self, number: int, record: dict):
        self.number = number
        record = record if isinstance(record, dict) else {}
        self.record_id = text(record.get("id"))
        self.record_name = text(record.get("name"))
        self.errors, self.warnings, self.unknown = [], [], set()

    def _issue(self, problem: Problem, message=None) -> Issue:
        return Issue(
            self.number,
            message or problem.message,
            problem.field,
            text(problem.found),
            problem.accepted,
            self.record_id,
            self.record_name,
        )

    def error(self, problem: Problem):
        self.errors.append(self._issue(problem))

    def warn(self, problem: Problem, consequence=""):
        message = problem.message + (f"; {consequence}" if consequence else "")
        self.warnings.append(self._issue(problem, message))

    def fit(self, value, limit: int, field: str) -> str:
        """The text, cut to the field's size with a warning if longer."""
        value = text(value)
        if len(value) > limit:
            self.warn(
                Problem(
                    field,
                    f"{field} is longer than {limit} characters",
                    f"{len(value)} characters",
                    f"up to {limit} characters",
                ),
                f"it is cut to {limit}",
            )
        return value[:limit]

    def fields(self, data: dict, kind: str, path: str):
        for key, value in data.items():
            if (
                key not in LINKS
                and key not in KEPT[kind]
                and value not in (None, "", [], {})
            ):
                self.unknown.add(f"{path}{key}")


def attempt(notes: Notes, reader, *args, default=None, warn=None):
    """The value ``reader`` gives; on a :class:`Problem` note it (an error,
    or a warning with the consequence ``warn``) and give ``default``."""
    try:
        return reader(*args)
    except Problem as problem:
        if warn is None:
            notes.error(problem)
        else:
            notes.warn(problem, warn)
        return default
