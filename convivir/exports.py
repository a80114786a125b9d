"""Spreadsheet exports that cannot run what the public typed.

Wagtail's export turns formulas into text in .xlsx files only; a CSV cell
starting with ``=``, ``@`` or ``+``/``-`` followed by anything but a number
is run by spreadsheet programs (CSV injection). Every admin export of data
that came from a public form uses :class:`SafeSpreadsheetExportMixin`.
"""

import re

# Spreadsheet programs run cells starting with these as formulas. A phone
# number such as "+52 962 111 2222" or "-3" stays as it is.
FORMULA_START = re.compile(r"^[=@\t\r]|^[+-](?![0-9 ().+-]*$)")


def spreadsheet_safe(value):
    """A cell value that a spreadsheet shows as text, never runs."""
    if value is None or isinstance(value, int | float):
        return value
    value = str(value)
    return f"'{value}" if FORMULA_START.match(value) else value


class SafeSpreadsheetExportMixin:
    """For views built on Wagtail's ``SpreadsheetExportMixin`` (IndexView,
    ReportView): CSV cells are made safe after the usual preprocessing."""

    def preprocess_field_value(self, field, value, export_format):
        value = super().preprocess_field_value(field, value, export_format)
        if export_format == self.FORMAT_CSV:
            return spreadsheet_safe(value)
        return value
