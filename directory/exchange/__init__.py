"""HSDS data packages in and out, and the simple CSV template staff keep in
spreadsheets.

- Export (:mod:`~directory.exchange.export`): the directory as a data
  package folder, JSON and CSV.
- Import, in four steps, each its own module: read the file
  (:mod:`~directory.exchange.read`; the tabular package joined into nested
  records by :mod:`~directory.exchange.tabular`), parse each record into a
  row (:mod:`~directory.exchange.parse` for HSDS services, with
  :mod:`~directory.exchange.places`, :mod:`~directory.exchange.schedules`,
  :mod:`~directory.exchange.terms` and :mod:`~directory.exchange.values`;
  :mod:`~directory.exchange.template` for the CSV template; problems noted
  in :mod:`~directory.exchange.notes`), check them all before anything is
  written (:mod:`~directory.exchange.check`), write them
  (:mod:`~directory.exchange.write`); :mod:`~directory.exchange.importing`
  runs the steps and fills the report (:mod:`~directory.exchange.report`).
  Entries are upserted by their HSDS id.
"""

from directory.exchange.export import export_package, exportable_services
from directory.exchange.importing import import_path
from directory.exchange.read import CSV_COLUMNS, CSV_REQUIRED, ImportFailed
from directory.exchange.report import ImportReport

__all__ = [
    "CSV_COLUMNS",
    "CSV_REQUIRED",
    "ImportFailed",
    "ImportReport",
    "export_package",
    "exportable_services",
    "import_path",
]
