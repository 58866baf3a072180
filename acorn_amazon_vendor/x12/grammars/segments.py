"""Segment definitions (X12 004010 element lists) shared by the retail grammars.

Every segment lists all its 004010 elements (a sender may use any of them), with the
Amazon code lists of :mod:`.codes` on the elements Amazon uses. ``records`` builds the
records of one set from these definitions with per-set code lists. X12 syntax notes
(P paired, R required, C conditional) of each segment are in ``NOTES``. 005010
differences used by the 856 are in ``records_5010``.
"""

from ..grammar import Composite, Element
from . import codes as C

E = Element


def pairs(prefix, first, last, qualifiers=None, lenient=True, usage="X"):
    """Returns qualifier/value Elements (235/234) from ``first`` to ``last``."""
    elements = []
    for position in range(first, last + 1, 2):
        elements.append(
            E(f"{prefix}{position:02d}", usage, "ID", 2, 2, "235", qualifiers,
              lenient=lenient)
        )  # fmt: skip
        elements.append(E(f"{prefix}{position + 1:02d}", usage, "AN", 1, 48, "234"))
    return tuple(elements)


def pair_notes(first, last):
    """Returns the P notes of qualifier/value pairs from ``first`` to ``last``."""
    return tuple(f"P{n:02d}{n + 1:02d}" for n in range(first, last + 1, 2))


# C001 Composite Unit of Measure: 355, then (1018 exponent, 649 multiplier, 355) x5.
C001_PARTS = {0: ("R", 1, 15, "1018"), 1: ("R", 1, 10, "649"), 2: ("ID", 2, 2, "355")}
C001 = Composite(
    "C001",
    "O",
    (E("C00101", "M", "ID", 2, 2, "355"),)
    + tuple(E(f"C001{n:02d}", "O", *C001_PARTS[(n - 2) % 3]) for n in range(2, 16)),
    "C001",
)
# C040 Reference Identifier: (128, 127) x3.
C040 = Composite(
    "C040",
    "O",
    tuple(
        E(
            f"C040{n:02d}",
            "M" if n < 3 else "O",
            "ID" if n % 2 else "AN",
            2 if n % 2 else 1,
            3 if n % 2 else 30,
            "128" if n % 2 else "127",
        )
        for n in range(1, 7)
    ),  # fmt: skip
    "C040",
)


def dtm(codes=None, lenient=True):
    return (
        E("DTM01", "M", "ID", 3, 3, "374", codes, lenient=lenient),
        E("DTM02", "X", "DT", 8, 8, "373"),
        E("DTM03", "X", "TM", 4, 8, "337"),
        E("DTM04", "O", "ID", 2, 2, "623"),
        E("DTM05", "X", "ID", 2, 3, "1250"),
        E("DTM06", "X", "AN", 1, 35, "1251"),
    )


def ref(codes=None, lenient=True, length=30):
    return (
        E("REF01", "M", "ID", 2, 3, "128", codes, lenient=lenient),
        E("REF02", "X", "AN", 1, length, "127"),
        E("REF03", "X", "AN", 1, 80, "352"),
        Composite("REF04", "O", C040.components, "C040"),
    )


def n1(codes=None, lenient=True):
    return (
        E("N101", "M", "ID", 2, 3, "98", codes, lenient=lenient),
        E("N102", "X", "AN", 1, 60, "93"),
        E("N103", "X", "ID", 1, 2, "66", C.N103_CODES, lenient=True),
        E("N104", "X", "AN", 2, 80, "67"),
        E("N105", "O", "ID", 2, 2, "706"),
        E("N106", "O", "ID", 2, 3, "98"),
    )


def cur(codes=None):
    dates = []
    for first in range(7, 22, 3):
        dates += [
            E(f"CUR{first:02d}", "X" if first == 7 else "O", "ID", 3, 3, "374"),
            E(f"CUR{first + 1:02d}", "O", "DT", 8, 8, "373"),
            E(f"CUR{first + 2:02d}", "O", "TM", 4, 8, "337"),
        ]
    return (
        E("CUR01", "M", "ID", 2, 3, "98", codes, lenient=True),
        E("CUR02", "M", "ID", 3, 3, "100"),
        E("CUR03", "O", "R", 4, 10, "280"),
        E("CUR04", "O", "ID", 2, 3, "98"),
        E("CUR05", "O", "ID", 3, 3, "100"),
        E("CUR06", "O", "ID", 3, 3, "669"),
        *dates,
    )


def line(prefix, quantity_number, product_codes, lenient):
    """PO1 / IT1 Baseline Item Data: line, quantity, UOM, price, basis, 10 ID pairs."""
    return (
        E(f"{prefix}01", "O", "AN", 1, 20, "350"),
        E(f"{prefix}02", "X", "R", 1, 15, quantity_number),
        E(f"{prefix}03", "X", "ID", 2, 2, "355", C.UOM_CODES, lenient=True),
        E(f"{prefix}04", "X", "R", 1, 17, "212"),
        E(f"{prefix}05", "O", "ID", 2, 2, "639", C.PO105_CODES, lenient=True),
        *pairs(prefix, 6, 24, product_codes, lenient),
    )


def ctp(codes=None, lenient=False):
    return (
        E("CTP01", "O", "ID", 2, 2, "687"),
        E("CTP02", "X", "ID", 3, 3, "236", codes, lenient=lenient),
        E("CTP03", "X", "R", 1, 17, "212"),
        E("CTP04", "X", "R", 1, 15, "380"),
        Composite("CTP05", "X", C001.components, "C001"),
        E("CTP06", "O", "ID", 3, 3, "648"),
        E("CTP07", "X", "R", 1, 10, "649"),
        E("CTP08", "O", "R", 1, 18, "782"),
        E("CTP09", "O", "ID", 2, 2, "639"),
        E("CTP10", "O", "AN", 1, 10, "499"),
        E("CTP11", "O", "N0", 1, 2, "289"),
    )


def loose(segment_id, count, first_usage="M"):
    """Elements of a segment read for its presence only: AN, first one mandatory."""
    return tuple(
        E(f"{segment_id}{n:02d}", first_usage if n == 1 else "O", "AN", 1, 264)
        for n in range(1, count + 1)
    )


# Shared 004010 definitions of the segments used with their full element lists.
COMMON = {
    "N2": (E("N201", "M", "AN", 1, 60, "93"), E("N202", "O", "AN", 1, 60, "93")),
    "N3": (E("N301", "M", "AN", 1, 55, "166"), E("N302", "O", "AN", 1, 55, "166")),
    "N4": (
        E("N401", "O", "AN", 2, 30, "19"),
        E("N402", "O", "ID", 2, 2, "156"),
        E("N403", "O", "ID", 3, 15, "116"),
        E("N404", "O", "ID", 2, 3, "26"),
        E("N405", "X", "ID", 1, 2, "309"),
        E("N406", "O", "AN", 1, 30, "310"),
    ),
    "PER": (
        E("PER01", "M", "ID", 2, 2, "366"),
        E("PER02", "O", "AN", 1, 60, "93"),
        *(
            E(
                f"PER{n:02d}",
                "X",
                "ID" if n % 2 else "AN",
                2 if n % 2 else 1,
                2 if n % 2 else 80,
                "365" if n % 2 else "364",
            )
            for n in range(3, 9)
        ),
        E("PER09", "O", "AN", 1, 20, "443"),
    ),  # fmt: skip
    "MSG": (
        E("MSG01", "M", "AN", 1, 264, "933"),
        E("MSG02", "X", "ID", 2, 2, "934"),
        E("MSG03", "O", "N0", 1, 9, "1470"),
    ),
    "N9": (
        E("N901", "M", "ID", 2, 3, "128"),
        E("N902", "X", "AN", 1, 30, "127"),
        E("N903", "X", "AN", 1, 45, "369"),
        E("N904", "O", "DT", 8, 8, "373"),
        E("N905", "X", "TM", 4, 8, "337"),
        E("N906", "O", "ID", 2, 2, "623"),
        Composite("N907", "O", C040.components, "C040"),
    ),
    "PID": (
        E("PID01", "M", "ID", 1, 1, "349"),
        E("PID02", "O", "ID", 2, 3, "750"),
        E("PID03", "X", "ID", 2, 2, "559"),
        E("PID04", "X", "AN", 1, 12, "751"),
        E("PID05", "X", "AN", 1, 80, "352"),
        E("PID06", "O", "ID", 2, 2, "752"),
        E("PID07", "O", "AN", 1, 15, "822"),
        E("PID08", "O", "ID", 1, 1, "1073"),
        E("PID09", "O", "ID", 2, 3, "819"),
    ),
    "PKG": (
        E("PKG01", "X", "ID", 1, 1, "349"),
        E("PKG02", "O", "ID", 2, 2, "753"),
        E("PKG03", "O", "ID", 2, 2, "559"),
        E("PKG04", "X", "AN", 1, 7, "754"),
        E("PKG05", "X", "AN", 1, 80, "352"),
        E("PKG06", "O", "ID", 2, 2, "400"),
    ),
    "CTT": (
        E("CTT01", "M", "N0", 1, 6, "354"),
        E("CTT02", "O", "R", 1, 10, "347"),
        E("CTT03", "X", "R", 1, 10, "81"),
        E("CTT04", "X", "ID", 2, 2, "355"),
        E("CTT05", "X", "R", 1, 8, "183"),
        E("CTT06", "X", "ID", 2, 2, "355"),
        E("CTT07", "O", "AN", 1, 80, "352"),
    ),
    "AMT": (
        E("AMT01", "M", "ID", 1, 3, "522"),
        E("AMT02", "M", "R", 1, 18, "782"),
        E("AMT03", "O", "ID", 1, 1, "478"),
    ),
    "SAC": (
        E("SAC01", "M", "ID", 1, 1, "248", C.SAC01_CODES),
        E("SAC02", "X", "ID", 4, 4, "1300", C.SAC02_CODES, lenient=True),
        E("SAC03", "X", "ID", 2, 2, "559"),
        E("SAC04", "X", "AN", 1, 10, "1301"),
        E("SAC05", "O", "N2", 1, 15, "610"),
        E("SAC06", "X", "ID", 1, 1, "378"),
        E("SAC07", "X", "R", 1, 6, "332"),
        E("SAC08", "O", "R", 1, 9, "118"),
        E("SAC09", "X", "ID", 2, 2, "355"),
        E("SAC10", "X", "R", 1, 15, "380"),
        E("SAC11", "O", "R", 1, 15, "380"),
        E("SAC12", "O", "ID", 2, 2, "331"),
        E("SAC13", "X", "AN", 1, 30, "127"),
        E("SAC14", "O", "AN", 1, 20, "770"),
        E("SAC15", "X", "AN", 1, 80, "352"),
        E("SAC16", "O", "ID", 2, 3, "819"),
    ),
    "TXI": (
        E("TXI01", "M", "ID", 2, 2, "963", C.TXI01_CODES, lenient=True),
        E("TXI02", "X", "R", 1, 18, "782"),
        E("TXI03", "X", "R", 1, 10, "954"),
        E("TXI04", "X", "ID", 2, 2, "955"),
        E("TXI05", "X", "AN", 1, 10, "956"),
        E("TXI06", "X", "ID", 1, 1, "441"),
        E("TXI07", "O", "ID", 1, 1, "662"),
        E("TXI08", "O", "R", 1, 9, "828"),
        E("TXI09", "O", "AN", 1, 20, "325"),
        E("TXI10", "O", "AN", 1, 20, "350"),
    ),
    "MAN": (
        E("MAN01", "M", "ID", 1, 2, "88", C.MAN01_CODES, lenient=True),
        E("MAN02", "M", "AN", 1, 48, "87"),
        E("MAN03", "O", "AN", 1, 48, "87"),
        E("MAN04", "X", "ID", 1, 2, "88"),
        E("MAN05", "X", "AN", 1, 48, "87"),
        E("MAN06", "O", "AN", 1, 48, "87"),
    ),
}

# X12 004010 syntax notes of the segments (only the notes sure for every sender).
NOTES = {
    "REF": ("R0203",),
    "DTM": ("R020305", "C0403", "P0506"),
    "N1": ("R0203", "P0304"),
    "N4": ("C0605",),
    "PER": ("P0304", "P0506", "P0708"),
    "N9": ("R0203", "C0605"),
    "SAC": ("R0203", "P0304"),
    "TXI": ("R020306", "P0405"),
    "MAN": ("P0405",),
    "CTT": ("P0304", "P0506"),
}
