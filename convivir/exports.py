"""Spreadsheet exports that cannot run what the public typed.

Wagtail's export turns formulas into text in .xlsx files only; a CSV cell
starting with ``=``, ``@`` or ``+``/``-`` followed by anything but a number
is run by spreadsheet programs (CSV injection). Every admin export of data
that came from a public form uses :class:`SafeSpreadsheetExportMixin`.

The CSV files are UTF-8 with a byte order mark: spreadsheet programs (Excel
above all) read a CSV without one in the computer's legacy encoding, and
"Lucía" shows as "LucÃ­a".
"""

import itertools
import re

from django.http import StreamingHttpResponse

# Spreadsheet programs run cells starting with these as formulas. A phone
# number such as "+52 962 111 2222" or "-3" stays as it is.
FORMULA_START = re.compile(r"^[=@\t\r]|^[+-](?![0-9 ().+-]*$)")


def spreadsheet_safe(value):
    """A cell value that a spreadsheet shows as text, never runs."""
    if value is None or isinstance(value, int | float):
        return value
    value = str(value)
    return f"'{value}" if FORMULA_START.match(value) else value


# Read by spreadsheet programs as "this file is UTF-8".
UTF8_BOM = "\ufeff".encode()
CSV_CONTENT_TYPE = "text/csv; charset=utf-8"


def csv_response(rows, filename: str) -> StreamingHttpResponse:
    """A CSV download of ``rows`` (encoded lines, as Wagtail's
    ``stream_csv`` yields them), UTF-8 with a byte order mark."""
    response = StreamingHttpResponse(
        itertools.chain([UTF8_BOM], rows), content_type=CSV_CONTENT_TYPE
    )
    response["Content-Disposition"] = f'attachment; filename="{filename}.csv"'
    return response


class SafeSpreadsheetExportMixin:
    """For views built on Wagtail's ``SpreadsheetExportMixin`` (IndexView,
    ReportView): CSV cells are made safe after the usual preprocessing, and
    the file opens in a spreadsheet with its accents (:func:`csv_response`)."""

    def preprocess_field_value(self, field, value, export_format):
        value = super().preprocess_field_value(field, value, export_format)
        if export_format == self.FORMAT_CSV:
            return spreadsheet_safe(value)
        return value

    def write_csv_response(self, queryset):
        return csv_response(self.stream_csv(queryset), self.get_filename())
