"""CSV and XLSX files read into one shape: a header and numbered rows.

The CSV reader finds the encoding (a UTF-8 or UTF-16 byte order mark, else UTF-8,
else Windows-1252) and the delimiter (``,`` ``;`` tab or ``|``) by itself. Both
readers skip blank rows, keep spreadsheet row numbers, and find the header row
among the first rows (Vendor Central files open with a line of report settings,
kept as the table's ``preamble``).
"""

import codecs
import csv
import io
import zipfile
from dataclasses import dataclass, field

from .errors import FormatError

DELIMITERS = ",;\t|"
HEADER_SEARCH_ROWS = 20
BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
XLSX_MAGIC = b"PK\x03\x04"


@dataclass
class Table:
    """A file's rows: ``rows`` holds ``(row_number, {header: value})`` pairs."""

    filename: str
    header: list
    rows: list
    preamble: list = field(default_factory=list)
    encoding: str = ""
    delimiter: str = ""


def decode(payload, filename):
    """Returns ``(text, encoding)`` of a CSV file's bytes."""
    marked = [encoding for bom, encoding in BOMS if payload.startswith(bom)]
    error = None
    for encoding in marked[:1] or ["utf-8", "cp1252"]:
        try:
            return payload.decode(encoding), encoding
        except UnicodeDecodeError as failure:
            error = failure
    raise FormatError.at(
        filename, f"unknown text encoding (byte {error.start + 1})"
    ) from error


def sniff_delimiter(text):
    """Guesses the delimiter from the first lines of the text."""
    sample = "\n".join(text.splitlines()[:HEADER_SEARCH_ROWS])
    try:
        return csv.Sniffer().sniff(sample, delimiters=DELIMITERS).delimiter
    except csv.Error:
        first = next((line for line in text.splitlines() if line.strip()), "")
        return max(DELIMITERS, key=first.count)


def _normalise(name):
    return str(name or "").strip().lower()


def _find_header(raw_rows, required, filename):
    """Index of the first row naming every required column."""
    wanted = {_normalise(name) for name in required}
    for index, (_number, cells) in enumerate(raw_rows[:HEADER_SEARCH_ROWS]):
        if wanted <= {_normalise(cell) for cell in cells}:
            return index
    names = ", ".join(sorted(required))
    raise FormatError.at(
        filename,
        f"no header row naming the columns {names} in the first "
        f"{HEADER_SEARCH_ROWS} rows",
        row=1,
    )


def _build(filename, raw_rows, required, **extra):
    """Turns ``(number, cells)`` rows into a :class:`Table` keyed by header."""
    raw_rows = [(n, cells) for n, cells in raw_rows if any(_filled(c) for c in cells)]
    if not raw_rows:
        raise FormatError.at(filename, "the file holds no rows")
    start = _find_header(raw_rows, required, filename)
    header = [str(cell or "").strip() for cell in raw_rows[start][1]]
    rows = []
    for number, cells in raw_rows[start + 1 :]:
        cells = list(cells)
        if any(_filled(cell) for cell in cells[len(header) :]):
            message = f"{len(cells)} cells where the header names {len(header)} columns"
            raise FormatError.at(filename, message, row=number)
        cells += [""] * (len(header) - len(cells))
        rows.append((number, dict(zip(header, cells, strict=False))))
    preamble = [cells for _n, cells in raw_rows[:start]]
    return Table(filename, header, rows, preamble=preamble, **extra)


def _filled(cell):
    return cell is not None and str(cell).strip() != ""


def read_csv(payload, filename, required=()):
    """Reads CSV bytes.

    Args:
        payload: the file's bytes.
        filename: its name, used to locate errors.
        required: header names that identify the header row.

    Returns:
        A :class:`Table`.

    Raises:
        FormatError: undecodable text, a broken quote, a row wider than the header.
    """
    text, encoding = decode(payload, filename)
    delimiter = sniff_delimiter(text)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)
    raw_rows = []
    try:
        for cells in reader:
            raw_rows.append((reader.line_num, cells))
    except csv.Error as error:
        raise FormatError.at(
            filename, f"broken CSV: {error}", row=reader.line_num
        ) from error
    return _build(filename, raw_rows, required, encoding=encoding, delimiter=delimiter)


def read_xlsx(payload, filename, required=(), sheet=None):
    """Reads the first (or the named) sheet of an XLSX workbook.

    Args:
        payload: the workbook's bytes.
        filename: its name, used to locate errors.
        required: header names that identify the header row.
        sheet: a sheet name; the first sheet when empty.

    Returns:
        A :class:`Table` whose cells keep the workbook's types (numbers, dates).

    Raises:
        FormatError: not a workbook, or no such sheet.
    """
    import openpyxl  # Odoo's own dependency; loaded only when a workbook comes in

    try:
        book = openpyxl.load_workbook(
            io.BytesIO(payload), read_only=True, data_only=True
        )
    except (zipfile.BadZipFile, KeyError, OSError, ValueError) as error:
        raise FormatError.at(
            filename, f"not a readable XLSX workbook ({error})"
        ) from error
    try:
        if sheet and sheet not in book.sheetnames:
            raise FormatError.at(filename, f"the workbook has no sheet named {sheet!r}")
        rows = book[sheet] if sheet else book.worksheets[0]
        raw_rows = [
            (number, list(cells))
            for number, cells in enumerate(rows.iter_rows(values_only=True), start=1)
        ]
    finally:
        book.close()
    return _build(filename, raw_rows, required)


def read_table(payload, filename, required=(), sheet=None):
    """Reads a CSV or XLSX file, told apart by its content rather than its name."""
    if payload.startswith(XLSX_MAGIC):
        return read_xlsx(payload, filename, required, sheet=sheet)
    return read_csv(payload, filename, required)
