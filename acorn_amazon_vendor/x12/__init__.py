"""ACORN's X12 core: read, check and acknowledge X12 interchanges (004010, 005010).

Pure Python with no Odoo import, so it runs in tests, benchmarks and the ``acorn-edi``
command without a database.

Reading:
    ``iter_transaction_sets(source)`` streams TransactionSets one at a time;
    ``validate_file(source)`` returns a FileReport (interchanges, groups, set summaries
    and every located X12Error); ``parse_interchange(source)`` does the same and
    keeps each set's segments.
Acknowledging:
    ``build_997(group, control_number)``, ``build_ta1(interchange)``,
    ``build_acknowledgment(interchange, AckEnvelope(...))``, and
    ``parse_acknowledgments(source)``.
Grammars:
    ``TransactionGrammar``, ``Element``, ``Composite``, ``get_grammar``.
Documents (Amazon retail, see docs/x12-documents.md):
    850/855 in :mod:`.orders`, 856 in :mod:`.shipments`, 810 in :mod:`.invoices`,
    820 in :mod:`.remittances`, 846 in :mod:`.inventory`: ``parse_XXX``,
    ``build_XXX(document, OutboundEnvelope)`` and ``check_XXX`` (located business
    checks); ``parse_document``/``check_document`` pick them by ST01.
"""

from .ack import (
    build_997,
    build_acknowledgment,
    build_ta1,
    parse_997,
    parse_acknowledgments,
)
from .delimiters import Delimiters, read_isa
from .documents import (
    AckEnvelope,
    ElementNote,
    FunctionalAck,
    GroupHeader,
    InterchangeAck,
    InterchangeHeader,
    SegmentNote,
    SetAck,
)
from .errors import X12Error
from .grammar import (
    ID,
    LEVEL,
    MAX,
    MIN,
    Composite,
    Element,
    TransactionGrammar,
    check_grammar,
)
from .grammars import REGISTRY, SUPPORTED_VERSIONS, get_grammar
from .identifiers import Party, ProductId
from .orders import (
    ACK_ACCEPTED,
    ACK_BACKORDERED,
    ACK_REJECTED,
    AckLine,
    PurchaseOrder,
    PurchaseOrderAck,
    PurchaseOrderLine,
    build_850,
    build_855,
    check_850,
    check_855,
    check_855_against_850,
    parse_850,
    parse_855,
)
from .outbound import OutboundEnvelope, to_decimal, x12_text
from .inventory import (
    InventoryAdvice,
    InventoryLine,
    build_846,
    check_846,
    parse_846,
)
from .invoices import (
    AllowanceCharge,
    Invoice,
    InvoiceLine,
    PaymentTerms,
    Tax,
    build_810,
    check_810,
    parse_810,
)
from .remittances import (
    Adjustment,
    Remittance,
    RemittanceItem,
    build_820,
    check_820,
    classify_reference,
    parse_820,
)
from .shipment_checks import check_856, check_856_against_acks, check_856_hierarchy
from .shipment_types import Pack, Shipment, ShipmentItem, ShipmentOrder, Tare
from .shipments import build_856, parse_856
from .show import check_document, document_dict, parse_document
from .reader import Reader
from .report import FileReport, GroupReport, InterchangeReport, TransactionSet
from .segment import format_segment, format_segments
from .sscc import make_sscc, sscc_check_digit, valid_sscc


def iter_transaction_sets(source):
    """Yields each TransactionSet of a file as soon as its SE is read.

    Bounded memory: only the set being read is held. Set-level errors are on each
    set; envelope problems that stop reading are raised at the end.

    Args:
        source: str, bytes or a file object (binary or text).

    Yields:
        TransactionSet: With its segments, errors and status.

    Raises:
        X12Error: When the file cannot be read further (e.g. no usable ISA), after the
            sets read before that point.
    """
    reader = Reader(source, keep_sets=False)
    yield from reader
    if reader.fatal is not None:
        raise reader.fatal


def validate_file(source, keep_segments=False):
    """Reads and checks a whole file.

    Args:
        source: str, bytes or a file object.
        keep_segments: Keep each set's segments in the report.

    Returns:
        FileReport: Never raises for bad data; see ``FileReport.valid``.
    """
    reader = Reader(source, keep_segments=keep_segments)
    for _ in reader:
        pass
    return reader.report


def parse_interchange(source):
    """Reads a file keeping every set's segments (see ``TransactionSet.elements``).

    Returns:
        FileReport: Interchanges, groups and sets, with every error found.
    """
    return validate_file(source, keep_segments=True)


__all__ = [
    "ACK_ACCEPTED",
    "ACK_BACKORDERED",
    "ACK_REJECTED",
    "AckEnvelope",
    "AckLine",
    "Adjustment",
    "AllowanceCharge",
    "Composite",
    "Delimiters",
    "Element",
    "ElementNote",
    "FileReport",
    "FunctionalAck",
    "GroupHeader",
    "GroupReport",
    "ID",
    "InterchangeAck",
    "InterchangeHeader",
    "InterchangeReport",
    "InventoryAdvice",
    "InventoryLine",
    "Invoice",
    "InvoiceLine",
    "LEVEL",
    "MAX",
    "MIN",
    "OutboundEnvelope",
    "Pack",
    "Party",
    "PaymentTerms",
    "ProductId",
    "PurchaseOrder",
    "PurchaseOrderAck",
    "PurchaseOrderLine",
    "REGISTRY",
    "Reader",
    "Remittance",
    "RemittanceItem",
    "SUPPORTED_VERSIONS",
    "SegmentNote",
    "SetAck",
    "Shipment",
    "ShipmentItem",
    "ShipmentOrder",
    "Tare",
    "Tax",
    "TransactionGrammar",
    "TransactionSet",
    "X12Error",
    "build_810",
    "build_820",
    "build_846",
    "build_850",
    "build_855",
    "build_856",
    "build_997",
    "build_acknowledgment",
    "build_ta1",
    "check_810",
    "check_820",
    "check_846",
    "check_850",
    "check_855",
    "check_855_against_850",
    "check_856",
    "check_856_against_acks",
    "check_856_hierarchy",
    "check_document",
    "check_grammar",
    "classify_reference",
    "document_dict",
    "format_segment",
    "format_segments",
    "get_grammar",
    "iter_transaction_sets",
    "make_sscc",
    "parse_810",
    "parse_820",
    "parse_846",
    "parse_850",
    "parse_855",
    "parse_856",
    "parse_997",
    "parse_acknowledgments",
    "parse_document",
    "parse_interchange",
    "read_isa",
    "sscc_check_digit",
    "valid_sscc",
    "to_decimal",
    "validate_file",
    "x12_text",
]
