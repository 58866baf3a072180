"""Sales lines of an external POS: a column mapping turns rows into :class:`SaleRow`.

The mapping names, for each neutral field, the column of the store's export that
holds it (connector mapper idea: ``FIELDS`` is the direct list, the parsers in
:mod:`.values` are the small functions). The same neutral rows come from the JSON
endpoint, whose document shape is fixed (see ``read_sales_json``).
"""

import json
from dataclasses import dataclass, field
from decimal import Decimal

from .errors import FormatError, Location
from .tables import read_table
from .values import parse_date, parse_flag, parse_number, parse_text, sniff_decimal

# Neutral field -> (kind of value, required). Kinds pick the parser.
FIELDS = {
    "receipt": ("text", True),
    "date": ("date", True),
    "sku": ("text", True),
    "quantity": ("number", True),
    "amount": ("number", True),
    "line": ("text", False),
    "cost": ("number", False),
    "voided": ("flag", False),
    "test": ("flag", False),
    "refund_of": ("text", False),
}
NUMBER_FIELDS = tuple(name for name, (kind, _r) in FIELDS.items() if kind == "number")
# Fields a JSON receipt object carries for all its lines.
RECEIPT_KEYS = frozenset({"receipt", "date", "test", "refund_of"})
JSON_FILENAME = "request body"


@dataclass(frozen=True)
class SalesMapping:
    """Which column of a store's export holds each neutral field.

    ``columns`` maps a neutral field name (keys of ``FIELDS``) to a header name;
    unmapped optional fields are simply absent. ``decimal`` is ``"auto"``, ``"."``
    or ``","``; ``date_formats`` are ``strptime`` formats tried after ISO 8601;
    ``true_words`` are extra words meaning yes in the flag columns.
    """

    columns: dict
    decimal: str = "auto"
    date_formats: tuple = ()
    true_words: tuple = ()
    sheet: str = ""

    def required_headers(self):
        """The header names that must be present: every mapped column."""
        return [header for header in self.columns.values() if header]


@dataclass(frozen=True)
class SaleRow:
    """One sales line of a receipt, as the POS reported it (refunds negative)."""

    row: int
    receipt: str
    line: str
    date: object
    sku: str
    quantity: Decimal
    amount: Decimal
    cost: Decimal | None = None
    voided: bool = False
    test: bool = False
    refund_of: str = ""
    location: dict = field(default_factory=dict, compare=False)

    @property
    def key(self):
        """The natural key of the line within its store: receipt and line."""
        return (self.receipt, self.line)

    @property
    def is_refund(self):
        return self.quantity < 0


def _parse(kind, value, mapping, decimal):
    if kind == "text":
        return parse_text(value)
    if kind == "date":
        return parse_date(value, mapping.date_formats)
    if kind == "number":
        return parse_number(value, decimal)
    return parse_flag(value, mapping.true_words)


def _convert(raw, mapping, decimal):
    """Parses one row's raw values; returns ``(values, {field: message})``."""
    values, problems = {}, {}
    for name, (kind, required) in FIELDS.items():
        value = raw.get(name)
        if value is None or (isinstance(value, str) and not value.strip()):
            if required:
                problems[name] = "a value is required"
            continue
        try:
            values[name] = _parse(kind, value, mapping, decimal)
        except ValueError as error:
            problems[name] = str(error)
    if values.get("receipt") == "" and "receipt" not in problems:
        problems["receipt"] = "a value is required"
    return values, problems


def _line_number(receipt, block):
    """Numbers a receipt's lines from 1 in each run of consecutive rows.

    A receipt exported twice, even inside one file, gets the same line numbers
    the second time: the duplicate rule recognises it by its key.
    """
    if block.get("receipt") != receipt:
        block.update(receipt=receipt, count=0)
    block["count"] += 1
    return str(block["count"])


def _sale_row(number, values, block, location=None):
    """Builds the row; refund amounts and costs take the quantity's sign."""
    receipt = values["receipt"]
    position = _line_number(receipt, block)
    quantity = values["quantity"]
    amount, cost = values["amount"], values.get("cost")
    if quantity < 0:
        amount = -abs(amount)
        cost = -abs(cost) if cost is not None else None
    return SaleRow(
        row=number,
        receipt=receipt,
        line=values.get("line") or position,
        date=values["date"],
        sku=values["sku"],
        quantity=quantity,
        amount=amount,
        cost=cost,
        voided=values.get("voided", False),
        test=values.get("test", False),
        refund_of=values.get("refund_of", ""),
        location=location or {},
    )


def mapped_columns(table, mapping):
    """The mapping's ``{field: table header}``; refuses a table missing one.

    Headers match whatever their case and surrounding spaces.
    """
    actual = {str(header).strip().lower(): header for header in table.header}
    wanted = {name: header for name, header in mapping.columns.items() if header}
    columns = {
        name: actual.get(header.strip().lower()) for name, header in wanted.items()
    }
    missing = [wanted[name] for name, header in columns.items() if header is None]
    if missing:
        raise FormatError.at(
            table.filename, f"missing column(s): {', '.join(missing)}", row=1
        )
    return columns


def map_sales(table, mapping):
    """Maps every row of a table; refuses the whole table if one row is bad.

    Args:
        table: a :class:`~.tables.Table`.
        mapping: the store's :class:`SalesMapping`.

    Returns:
        The :class:`SaleRow` list, in file order.

    Raises:
        FormatError: every located problem (row and column) of the table.
    """
    columns = mapped_columns(table, mapping)
    decimal = mapping.decimal
    if decimal == "auto":
        headers = [columns[name] for name in NUMBER_FIELDS if name in columns]
        decimal = sniff_decimal(
            (cells[header] for _n, cells in table.rows for header in headers),
            table.delimiter,
        )
    rows, problems, counter = [], [], {}
    for number, cells in table.rows:
        raw = {name: cells.get(header) for name, header in columns.items()}
        values, errors = _convert(raw, mapping, decimal)
        problems += [
            Location(table.filename, number, columns.get(name, name), message)
            for name, message in errors.items()
        ]
        if not errors:
            rows.append(_sale_row(number, values, counter))
    if problems:
        raise FormatError(problems)
    return rows


def read_sales(payload, filename, mapping):
    """Reads a CSV or XLSX export with the store's mapping into :class:`SaleRow`."""
    table = read_table(
        payload, filename, mapping.required_headers(), sheet=mapping.sheet or None
    )
    return map_sales(table, mapping)


def _json_document(payload, filename):
    try:
        text = payload.decode("utf-8-sig") if isinstance(payload, bytes) else payload
        document = json.loads(text)
    except UnicodeDecodeError as error:
        raise FormatError.at(
            filename, f"the body is not UTF-8 ({error.reason})"
        ) from error
    except json.JSONDecodeError as error:
        message = (
            f"bad JSON: {error.msg} (line {error.lineno}, character {error.colno})"
        )
        raise FormatError.at(filename, message, row=error.lineno) from error
    if not isinstance(document, dict) or not isinstance(document.get("receipts"), list):
        raise FormatError.at(
            filename, 'expected an object with a "receipts" list', path="$"
        )
    return document


def _json_lines(receipt, path, filename):
    if not isinstance(receipt, dict):
        raise FormatError.at(filename, "a receipt is an object", path=path)
    lines = receipt.get("lines")
    if not isinstance(lines, list) or not lines:
        raise FormatError.at(filename, 'a receipt needs a "lines" list', path=path)
    for index, line in enumerate(lines):
        if not isinstance(line, dict):
            raise FormatError.at(
                filename, "a line is an object", path=f"{path}.lines[{index}]"
            )
    return lines


def read_sales_json(payload, filename=JSON_FILENAME):
    """Reads the endpoint's JSON document into :class:`SaleRow`.

    The document is ``{"receipts": [{"receipt", "date", "test", "refund_of",
    "lines": [{"line", "sku", "quantity", "amount", "cost", "voided"}]}]}``;
    numbers are JSON numbers or text with a ``.`` decimal point.

    Raises:
        FormatError: bad JSON (line, character) or bad values (JSON path).
    """
    document = _json_document(payload, filename)
    mapping = SalesMapping(columns={})
    rows, problems, counter = [], [], {}
    for r_index, receipt in enumerate(document["receipts"]):
        path = f"receipts[{r_index}]"
        for l_index, line in enumerate(_json_lines(receipt, path, filename)):
            raw = {key: value for key, value in receipt.items() if key != "lines"}
            raw.update(line)
            values, errors = _convert(raw, mapping, "")
            line_path = f"{path}.lines[{l_index}]"
            problems += [
                Location(
                    filename,
                    None,
                    None,
                    message,
                    path=f"{path if name in RECEIPT_KEYS else line_path}.{name}",
                )
                for name, message in errors.items()
            ]
            if not errors:
                rows.append(
                    _sale_row(r_index + 1, values, counter, {"path": line_path})
                )
    if problems:
        raise FormatError(problems)
    return rows
