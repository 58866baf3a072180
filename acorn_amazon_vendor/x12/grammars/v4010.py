"""Grammars for X12 version 004010: 997 Functional Acknowledgment, 850 Purchase Order.

The 997 follows the X12 004010 standard table. The 850 grammar is deliberately minimal
and lenient (segments it does not declare are ignored); Amazon's full 850 rules are
declared by the documents layer of the next issue, in this same format.
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
# BEG01 Transaction Set Purpose Code (element 353): 00 original (Amazon, FACTS §3.2).
BEG01_CODES = frozenset({"00", "01", "05", "06", "07"})
# BEG02 Purchase Order Type Code (element 92): NE, CN, NP, RO (Amazon, FACTS §3.2).
BEG02_CODES = frozenset({"NE", "CN", "NP", "RO", "DS", "SA"})


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

RECORDS_850 = {
    "BEG": (
        Element("BEG01", "M", "ID", 2, 2, "353", BEG01_CODES),
        Element("BEG02", "M", "ID", 2, 2, "92", BEG02_CODES, lenient=True),
        Element("BEG03", "M", "AN", 1, 22, "324"),
        Element("BEG04", "O", "AN", 1, 30, "328"),
        Element("BEG05", "M", "DT", 8, 8, "373"),
    ),
    "REF": (
        Element("REF01", "M", "ID", 2, 3, "128"),
        Element("REF02", "X", "AN", 1, 30, "127"),
        Element("REF03", "X", "AN", 1, 80, "352"),
    ),
    "DTM": (
        Element("DTM01", "M", "ID", 3, 3, "374"),
        Element("DTM02", "X", "DT", 8, 8, "373"),
        Element("DTM03", "X", "TM", 4, 8, "337"),
    ),
    "N1": (
        Element("N101", "M", "ID", 2, 3, "98"),
        Element("N102", "X", "AN", 1, 60, "93"),
        Element("N103", "X", "ID", 1, 2, "66"),
        Element("N104", "X", "AN", 2, 80, "67"),
    ),
    "PO1": (
        Element("PO101", "O", "AN", 1, 20, "350"),
        Element("PO102", "X", "R", 1, 15, "330"),
        Element("PO103", "O", "ID", 2, 2, "355"),
        Element("PO104", "X", "R", 1, 17, "212"),
        Element("PO105", "O", "ID", 2, 2, "639"),
        *(
            Element(f"PO1{n:02d}", "X", kind, low, high, number)
            for pair in range(6, 25, 2)
            for n, kind, low, high, number in (
                (pair, "ID", 2, 2, "235"),
                (pair + 1, "AN", 1, 48, "234"),
            )
        ),
    ),
    "CTT": (
        Element("CTT01", "M", "N0", 1, 6, "354"),
        Element("CTT02", "O", "R", 1, 10, "347"),
    ),
}

# X12 004010 syntax notes of the segments above.
RULES_850 = {
    "REF": ("R0203",),
    "DTM": ("R020305",),
    "N1": ("R0203", "P0304"),
    "PO1": ("C0302", "C0504") + tuple(f"P{n:02d}{n + 1:02d}" for n in range(6, 25, 2)),
}

STRUCTURE_850 = [
    {ID: "BEG", MIN: 1, MAX: 1},
    {ID: "REF", MIN: 0, MAX: 99999},
    {ID: "DTM", MIN: 0, MAX: 10},
    {
        ID: "N1",
        MIN: 0,
        MAX: 200,
        LEVEL: [
            {ID: "N2", MIN: 0, MAX: 2},
            {ID: "N3", MIN: 0, MAX: 2},
            {ID: "N4", MIN: 0, MAX: 1},
            {ID: "REF", MIN: 0, MAX: 12},
            {ID: "PER", MIN: 0, MAX: 99999},
        ],
    },
    {
        ID: "PO1",
        MIN: 1,
        MAX: 100000,
        LEVEL: [
            {ID: "REF", MIN: 0, MAX: 99999},
            {ID: "DTM", MIN: 0, MAX: 10},
        ],
    },
    {ID: "CTT", MIN: 0, MAX: 1},
]

GRAMMARS = (
    TransactionGrammar(
        "997", "004010", STRUCTURE_997, RECORDS_997, source="X12 004010 997 table"
    ),
    TransactionGrammar(
        "850",
        "004010",
        STRUCTURE_850,
        RECORDS_850,
        RULES_850,
        unknown_segments="ignore",
        source="X12 004010 850, minimal and lenient (undeclared segments ignored)",
    ),
)
