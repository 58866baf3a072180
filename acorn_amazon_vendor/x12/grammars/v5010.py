"""Grammars for X12 version 005010: 997 Functional Acknowledgment.

005010 adds AK103 (version of the group acknowledged), AK203 (implementation
convention reference) and a third component to AK401 (repeating element position).
Amazon's retail 856 is 005010 (FACTS §1, §5): the same structure as the 004010 856 of
:mod:`.retail4010`, with the 005010 lengths (REF02 up to 50 characters, N407).
"""

from ..errors import AK4_ERROR_CODES
from ..grammar import Composite, Element, TransactionGrammar
from . import retail4010, v4010

# AK304 Segment Syntax Error Code (element 720, 005010 adds implementation codes).
AK304_CODES = v4010.AK304_CODES | frozenset({"I4", "I6", "I7", "I8", "I9"})
# AK403 Data Element Syntax Error Code (element 723, 005010 adds 12, 13 and I codes).
AK403_CODES = frozenset(AK4_ERROR_CODES) | frozenset(
    {"I6", "I9", "I10", "I11", "I12", "I13"}
)
# AK502-AK506 Transaction Set Syntax Error Code (element 718; 005010 adds 18, 19,
# I5, I6).
AK5_SYNTAX_CODES = v4010.AK5_SYNTAX_CODES | frozenset({"18", "19", "I5", "I6"})
# AK905-AK909 Functional Group Syntax Error Code (element 716, 005010 adds 19).
AK9_SYNTAX_CODES = v4010.AK9_SYNTAX_CODES | frozenset({"19"})

RECORDS_997 = {
    **v4010.RECORDS_997,
    "AK1": (
        *v4010.RECORDS_997["AK1"],
        Element("AK103", "O", "AN", 1, 12, "480"),
    ),
    "AK2": (
        *v4010.RECORDS_997["AK2"],
        Element("AK203", "O", "AN", 1, 35, "1705"),
    ),
    "AK3": (
        *v4010.RECORDS_997["AK3"][:3],
        Element("AK304", "O", "ID", 1, 3, "720", AK304_CODES, lenient=True),
    ),
    "AK4": (
        Composite(
            "AK401",
            "M",
            (
                Element("C03001", "M", "N0", 1, 2, "722"),
                Element("C03002", "O", "N0", 1, 2, "1528"),
                Element("C03003", "O", "N0", 1, 4, "1686"),
            ),
            "C030",
        ),
        Element("AK402", "O", "N0", 1, 4, "725"),
        Element("AK403", "M", "ID", 1, 3, "723", AK403_CODES, lenient=True),
        Element("AK404", "O", "AN", 1, 99, "724"),
    ),
    "AK5": (
        v4010.RECORDS_997["AK5"][0],
        *(
            Element(
                f"AK5{n:02d}", "O", "ID", 1, 3, "718", AK5_SYNTAX_CODES, lenient=True
            )
            for n in range(2, 7)
        ),
    ),
    "AK9": (
        *v4010.RECORDS_997["AK9"][:4],
        *(
            Element(
                f"AK9{n:02d}", "O", "ID", 1, 3, "716", AK9_SYNTAX_CODES, lenient=True
            )
            for n in range(5, 10)
        ),
    ),
}

RECORDS_856 = {
    **retail4010.RECORDS_856,
    "REF": (
        *retail4010.RECORDS_856["REF"][:1],
        Element("REF02", "X", "AN", 1, 50, "127"),
        *retail4010.RECORDS_856["REF"][2:],
    ),
    "N4": (
        *retail4010.RECORDS_856["N4"],
        Element("N407", "O", "ID", 1, 3, "1715"),
    ),
}

GRAMMARS = (
    TransactionGrammar(
        "997",
        "005010",
        v4010.STRUCTURE_997,
        RECORDS_997,
        source="X12 005010 997 table",
    ),
    TransactionGrammar(
        "856",
        "005010",
        retail4010.STRUCTURE_856,
        RECORDS_856,
        retail4010.RULES_856,
        unknown_segments="ignore",
        source="Amazon 856 5010 (FACTS §5)",
        tolerated=retail4010.TOLERATED,
    ),
)
