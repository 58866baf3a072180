"""Grammars for X12 version 004010: 997 Functional Acknowledgment.

The 997 follows the X12 004010 standard table. Amazon's retail sets (850, 855, 856,
810, 820, 846) are declared in :mod:`.retail4010`.
"""

from ..errors import AK3_ERROR_CODES, AK4_ERROR_CODES, AK5_ERROR_CODES, AK9_ERROR_CODES
from ..grammar import ID, LEVEL, MAX, MIN, Composite, Element, TransactionGrammar

# GS01 / AK101 Functional Identifier Code (element 479), the groups ACORN trades.
FUNCTIONAL_IDS = frozenset({"PO", "PR", "SH", "IN", "RA", "IB", "FA", "PD", "RF", "RG"})
# AK501 Transaction Set Acknowledgment Code (element 717).
AK501_CODES = frozenset({"A", "E", "M", "R", "W", "X"})
# AK901 Functional Group Acknowledge Code (element 715).
AK901_CODES = frozenset({"A", "E", "M", "P", "R", "W", "X"})
# AK304 Segment Syntax Error Code (element 720), see errors.AK3_ERROR_CODES.
AK304_CODES = frozenset(AK3_ERROR_CODES)
# AK403 Data Element Syntax Error Code (element 723), see errors.AK4_ERROR_CODES.
AK403_CODES = frozenset(code for code in AK4_ERROR_CODES if code not in ("12", "13"))
# AK502-AK506 Transaction Set Syntax Error Code (element 718, 004010 list).
AK5_SYNTAX_CODES = frozenset(AK5_ERROR_CODES) | frozenset(
    {"8", "9", "10", "11", "12", "13", "15", "16", "17", "24", "25", "26", "27"}
)
# AK905-AK909 Functional Group Syntax Error Code (element 716, 004010 list).
AK9_SYNTAX_CODES = frozenset(set(AK9_ERROR_CODES) - {"19"}) | frozenset(
    {"10", "11", "12", "13", "14", "15", "16", "17", "18", "23", "24", "25", "26"}
)


def _syntax_codes(prefix, first, last, number, codes):
    return tuple(
        Element(f"{prefix}{n:02d}", "O", "ID", 1, 3, number, codes, lenient=True)
        for n in range(first, last + 1)
    )


RECORDS_997 = {
    "AK1": (
        Element("AK101", "M", "ID", 2, 2, "479", FUNCTIONAL_IDS, lenient=True),
        Element("AK102", "M", "N0", 1, 9, "28"),
    ),
    "AK2": (
        Element("AK201", "M", "ID", 3, 3, "143"),
        Element("AK202", "M", "AN", 4, 9, "329"),
    ),
    "AK3": (
        Element("AK301", "M", "ID", 2, 3, "721"),
        Element("AK302", "M", "N0", 1, 6, "719"),
        Element("AK303", "O", "AN", 1, 6, "447"),
        Element("AK304", "O", "ID", 1, 3, "720", AK304_CODES, lenient=True),
    ),
    "AK4": (
        Composite(
            "AK401",
            "M",
            (
                Element("C03001", "M", "N0", 1, 2, "722"),
                Element("C03002", "O", "N0", 1, 2, "1528"),
            ),
            "C030",
        ),
        Element("AK402", "O", "N0", 1, 4, "725"),
        Element("AK403", "M", "ID", 1, 3, "723", AK403_CODES, lenient=True),
        Element("AK404", "O", "AN", 1, 99, "724"),
    ),
    "AK5": (
        Element("AK501", "M", "ID", 1, 1, "717", AK501_CODES),
        *_syntax_codes("AK5", 2, 6, "718", AK5_SYNTAX_CODES),
    ),
    "AK9": (
        Element("AK901", "M", "ID", 1, 1, "715", AK901_CODES),
        Element("AK902", "M", "N0", 1, 6, "97"),
        Element("AK903", "M", "N0", 1, 6, "123"),
        Element("AK904", "M", "N0", 1, 6, "2"),
        *_syntax_codes("AK9", 5, 9, "716", AK9_SYNTAX_CODES),
    ),
}

STRUCTURE_997 = [
    {ID: "AK1", MIN: 1, MAX: 1},
    {
        ID: "AK2",
        MIN: 0,
        MAX: 999999,
        LEVEL: [
            {
                ID: "AK3",
                MIN: 0,
                MAX: 999999,
                LEVEL: [
                    {ID: "AK4", MIN: 0, MAX: 99},
                ],
            },
            {ID: "AK5", MIN: 1, MAX: 1},
        ],
    },
    {ID: "AK9", MIN: 1, MAX: 1},
]

GRAMMARS = (
    TransactionGrammar(
        "997", "004010", STRUCTURE_997, RECORDS_997, source="X12 004010 997 table"
    ),
)
