"""The CSV tables of a data package, with their columns fixed before any
row is written: the fields of each HSDS 3.0 tabular table
(``schema/compiled/tabular.json``, in its order) that hold one value, then
the ``convivir_…`` columns of the portal's extension. A row carrying any
other value is refused (:class:`Table`), so nothing leaves unannounced."""

import csv

HSDS_COLUMNS = {
    "organizations": [
        "id",
        "name",
        "alternate_name",
        "description",
        "email",
        "website",
        "tax_status",
        "tax_id",
        "year_incorporated",
        "legal_status",
        "logo",
        "uri",
        "parent_organization_id",
    ],
    "services": [
        "id",
        "organization_id",
        "program_id",
        "name",
        "alternate_name",
        "description",
        "url",
        "email",
        "status",
        "interpretation_services",
        "application_process",
        "fees_description",
        "wait_time",
        "fees",
        "accreditations",
        "eligibility_description",
        "minimum_age",
        "maximum_age",
        "assured_date",
        "assurer_email",
        "licenses",
        "alert",
        "last_modified",
    ],
    "service_at_location": ["id", "service_id", "location_id", "description"],
    "locations": [
        "id",
        "location_type",
        "url",
        "organization_id",
        "name",
        "alternate_name",
        "description",
        "transportation",
        "latitude",
        "longitude",
        "external_identifier",
        "external_identifier_type",
    ],
    "addresses": [
        "id",
        "location_id",
        "attention",
        "address_1",
        "address_2",
        "city",
        "region",
        "state_province",
        "postal_code",
        "country",
        "address_type",
    ],
    "accessibility": ["id", "location_id", "description", "details", "url"],
    "phones": [
        "id",
        "location_id",
        "service_id",
        "organization_id",
        "contact_id",
        "service_at_location_id",
        "number",
        "extension",
        "type",
        "description",
    ],
    "schedules": [
        "id",
        "service_id",
        "location_id",
        "service_at_location_id",
        "valid_from",
        "valid_to",
        "dtstart",
        "timezone",
        "until",
        "count",
        "wkst",
        "freq",
        "interval",
        "byday",
        "byweekno",
        "bymonthday",
        "byyearday",
        "description",
        "opens_at",
        "closes_at",
        "schedule_link",
        "attending_type",
        "notes",
    ],
    "languages": [
        "id",
        "service_id",
        "location_id",
        "phone_id",
        "name",
        "code",
        "note",
    ],
    "required_documents": ["id", "service_id", "document", "uri"],
    "attributes": [
        "id",
        "link_id",
        "taxonomy_term_id",
        "link_type",
        "link_entity",
        "value",
    ],
    "contacts": [
        "id",
        "organization_id",
        "service_id",
        "service_at_location_id",
        "location_id",
        "name",
        "title",
        "department",
        "email",
    ],
    "taxonomies": ["id", "name", "description", "uri", "version"],
    "taxonomy_terms": [
        "id",
        "code",
        "name",
        "description",
        "parent_id",
        "taxonomy",
        "language",
        "taxonomy_id",
        "term_uri",
    ],
}
# The HSDS file name of each table (tabular.json's ``path``).
FILE_NAMES = {name: f"{name}.csv" for name in HSDS_COLUMNS}
FILE_NAMES["service_at_location"] = "service_at_location.csv"

EXTENSION_COLUMNS = {
    "services": [
        "convivir_slug",
        "convivir_status",
        "convivir_status_changed_at",
        "convivir_is_free",
        "convivir_open_24_hours",
        "convivir_by_appointment",
        "convivir_capacity",
        "convivir_last_verified_at",
        "convivir_text_en_description",
        "convivir_text_en_eligibility_description",
        "convivir_text_en_application_process",
        "convivir_text_en_fees_description",
        "convivir_verified_by_name",
        "convivir_published",
    ],
    "locations": ["convivir_confidential"],
    "phones": ["convivir_whatsapp"],
    "contacts": ["convivir_language"],
}
COLUMNS = {
    name: [*columns, *EXTENSION_COLUMNS.get(name, [])]
    for name, columns in HSDS_COLUMNS.items()
}


def flat(record: dict) -> dict:
    """The one-value fields of an HSDS record, its ``convivir`` object as
    ``convivir_…`` columns; nested lists and objects are other tables."""
    row = {k: v for k, v in record.items() if not isinstance(v, list | dict)}
    for key, value in (record.get("convivir") or {}).items():
        if isinstance(value, dict):
            row.update({f"convivir_{key}_{k}": v for k, v in value.items()})
        else:
            row[f"convivir_{key}"] = value
    return row


def _cell(value) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


class Table:
    """One CSV file written row by row, its header first."""

    def __init__(self, folder, name: str):
        self.name = name
        self.path = FILE_NAMES[name]
        self.columns = COLUMNS[name]
        self._known = set(self.columns)
        self._file = (folder / self.path).open("w", encoding="utf-8", newline="")
        self._writer = csv.writer(self._file)
        self._writer.writerow(self.columns)
        self.rows = 0

    def add(self, record: dict):
        row = flat(record)
        unknown = set(row) - self._known
        if unknown:
            raise ValueError(f"{self.path} has no column for {sorted(unknown)}")
        self._writer.writerow([_cell(row.get(column)) for column in self.columns])
        self.rows += 1

    def close(self):
        self._file.close()

    def resource(self) -> dict:
        return {
            "name": self.name,
            "path": self.path,
            "format": "csv",
            "mediatype": "text/csv",
            "encoding": "utf-8",
            "profile": "tabular-data-resource",
            "schema": {"fields": [{"name": column} for column in self.columns]},
        }
