"""Amazon retail grammars, X12 004010: 850, 855, 856, 810, 820, 846.

Structures follow the X12 004010 tables in standard order, with Amazon's required
segments (FACTS §3-§8): the 850 needs REF, CSH, two DTMs (064/063), N1 and CTT; the
855 BAK and PO1 loops with ACK; the 810 BIG, CUR, ITD, IT1, TDS and CTT; the 820 BPR,
TRN and DTM; the 846 BIA and LIN; the 856 BSN and HL loops. All are declared with
``unknown_segments="ignore"``: a standard segment Amazon does not use (PER, PID, MEA
...) is skipped wherever it is, while declared segments are checked in place.
Qualifier rules that depend on a value (DTM 064 and 063 both present, TD1/TD5 on the
shipment level, HL parents) are business checks of the document modules.
"""

from ..grammar import ID, LEVEL, MAX, MIN, Composite, TransactionGrammar
from . import codes as C
from .segments import (
    C001,
    COMMON,
    NOTES,
    E,
    ctp,
    cur,
    dtm,
    line,
    n1,
    pair_notes,
    pairs,
    ref,
)

MANY = 99999
# Declared segments read and ignored where the structure has no place for them or
# beyond their maximum: the standard 004010 loops we do not map carry them (NM1 loops
# with N2-N4/REF/PER, notes, extra references and dates), and the flow never depends
# on a misplaced one (docs/x12-core.md, inbound tolerance).
TOLERATED = frozenset({"REF", "DTM", "NTE", "PER", "MSG", "N2", "N3", "N4"})


def _n1_loop(maximum=200, minimum=0, ref_max=12):
    return {
        ID: "N1",
        MIN: minimum,
        MAX: maximum,
        LEVEL: [
            {ID: "N2", MIN: 0, MAX: 2},
            {ID: "N3", MIN: 0, MAX: 2},
            {ID: "N4", MIN: 0, MAX: 1},
            {ID: "REF", MIN: 0, MAX: ref_max},
        ],
    }


def _n9_loop():
    return {
        ID: "N9",
        MIN: 0,
        MAX: 1000,
        LEVEL: [{ID: "DTM", MIN: 0, MAX: 10}, {ID: "MSG", MIN: 0, MAX: 1000}],
    }


def _adx_loop():
    """An 820 ADX loop; REF and DTM under it are read (retailers add them there)."""
    return {
        ID: "ADX",
        MIN: 0,
        MAX: MANY,
        LEVEL: [{ID: "REF", MIN: 0, MAX: MANY}, {ID: "DTM", MIN: 0, MAX: MANY}],
    }


def _records(**own):
    shared = ("N2", "N3", "N4", "MSG", "N9", "PKG", "CTT")
    records = {key: COMMON[key] for key in shared}
    records.update(own)
    return records


def _notes(*segment_ids, **own):
    notes = {key: NOTES[key] for key in segment_ids if key in NOTES}
    notes.update(own)
    return notes


# --- 850 Purchase Order (Amazon -> vendor), FACTS §3 --------------------------------
RECORDS_850 = _records(
    BEG=(
        # The flow depends on BEG01 (new, cancel, duplicate): strict.
        E("BEG01", "M", "ID", 2, 2, "353", C.BEG01_CODES),
        E("BEG02", "M", "ID", 2, 2, "92", C.BEG02_CODES, lenient=True),
        E("BEG03", "M", "AN", 1, 22, "324"),
        E("BEG04", "O", "AN", 1, 30, "328"),
        E("BEG05", "M", "DT", 8, 8, "373"),
        E("BEG06", "O", "AN", 1, 30, "367"),
        E("BEG07", "O", "ID", 2, 2, "587"),
        E("BEG08", "O", "ID", 3, 3, "1019"),
        E("BEG09", "O", "ID", 2, 2, "1166"),
        E("BEG10", "O", "ID", 2, 2, "1232"),
        E("BEG11", "O", "ID", 2, 2, "786"),
        E("BEG12", "O", "ID", 2, 2, "640"),
    ),
    CUR=cur(),
    REF=ref(C.REF01_850_CODES),
    FOB=(
        E("FOB01", "M", "ID", 2, 2, "146", C.FOB01_CODES, lenient=True),
        E("FOB02", "X", "ID", 1, 2, "309"),
        E("FOB03", "O", "AN", 1, 80, "352"),
        E("FOB04", "O", "ID", 2, 2, "334"),
        E("FOB05", "X", "ID", 3, 3, "335", C.FOB05_CODES, lenient=True),
        E("FOB06", "X", "ID", 1, 2, "309"),
        E("FOB07", "O", "AN", 1, 80, "352"),
        E("FOB08", "O", "ID", 2, 2, "54"),
        E("FOB09", "X", "AN", 1, 80, "352"),
    ),
    CSH=(
        E("CSH01", "O", "ID", 1, 2, "563", C.CSH01_CODES, lenient=True),
        E("CSH02", "X", "ID", 1, 2, "306"),
        E("CSH03", "X", "N2", 1, 15, "610"),
        E("CSH04", "X", "AN", 1, 35, "508"),
        E("CSH05", "O", "DT", 8, 8, "373"),
        E("CSH06", "X", "ID", 2, 2, "559"),
        E("CSH07", "O", "R", 1, 10, "954"),
        E("CSH08", "O", "ID", 1, 2, "1004"),
        E("CSH09", "O", "AN", 1, 80, "352"),
    ),
    DTM=dtm(C.DTM01_850_CODES),
    N1=n1(C.N101_850_CODES),
    PO1=line("PO1", "330", C.PRODUCT_QUALIFIERS_850, lenient=True),
)
RULES_850 = _notes(
    "REF", "DTM", "N1", "N4", "N9", "CTT",
    PO1=("C0302", "C0504") + pair_notes(6, 24),
)  # fmt: skip
STRUCTURE_850 = [
    {ID: "BEG", MIN: 1, MAX: 1},
    {ID: "CUR", MIN: 0, MAX: 1},
    {ID: "REF", MIN: 1, MAX: MANY},  # REF CR is mandatory [C-S] STEDI-850R
    {ID: "FOB", MIN: 0, MAX: MANY},
    {ID: "CSH", MIN: 1, MAX: 5},  # mandatory, max 5 [C-S] ECGRID-850R
    {ID: "DTM", MIN: 2, MAX: 10},  # 064 and 063 mandatory [C-S] STEDI-850R
    {ID: "PKG", MIN: 0, MAX: 200},
    # A heading MSG outside N9 is not in the 004010 table; some senders write one,
    # so it is accepted here (lenient [I]).
    {ID: "MSG", MIN: 0, MAX: 1000},
    _n9_loop(),
    _n1_loop(minimum=1),  # N1 ST mandatory [C-S] ECGRID-850R
    {
        ID: "PO1",
        MIN: 1,
        MAX: 100000,
        LEVEL: [
            {ID: "CUR", MIN: 0, MAX: 1},
            {ID: "REF", MIN: 0, MAX: MANY},
            {ID: "CSH", MIN: 0, MAX: 1},
            {ID: "FOB", MIN: 0, MAX: MANY},
            {ID: "DTM", MIN: 0, MAX: 10},
            {ID: "PKG", MIN: 0, MAX: 200},
            {ID: "MSG", MIN: 0, MAX: 12},
            _n9_loop(),
            _n1_loop(),
        ],
    },
    {ID: "CTT", MIN: 1, MAX: 1},  # line count and hash total [C-S] PREDI-850
]

# --- 855 Purchase Order Acknowledgment (vendor -> Amazon), FACTS §4 -----------------
RECORDS_855 = _records(
    BAK=(
        E("BAK01", "M", "ID", 2, 2, "353", C.BAK01_CODES, lenient=True),
        E("BAK02", "M", "ID", 2, 2, "587", C.BAK02_CODES),
        E("BAK03", "M", "AN", 1, 22, "324"),
        E("BAK04", "M", "DT", 8, 8, "373"),
        E("BAK05", "O", "AN", 1, 30, "328"),
        E("BAK06", "O", "AN", 1, 45, "326"),
        E("BAK07", "O", "AN", 1, 30, "367"),
        E("BAK08", "O", "AN", 1, 30, "127"),
        E("BAK09", "O", "DT", 8, 8, "373"),
        E("BAK10", "O", "ID", 2, 2, "640"),
    ),
    CUR=cur(),
    REF=ref(),
    DTM=dtm(),
    N1=n1(),
    PO1=line("PO1", "330", C.PRODUCT_QUALIFIERS_855, lenient=True),
    CTP=ctp(C.CTP02_CODES, lenient=True),
    ACK=(
        E("ACK01", "M", "ID", 2, 2, "668", C.ACK01_CODES, lenient=True),
        E("ACK02", "X", "R", 1, 15, "380"),
        E("ACK03", "X", "ID", 2, 2, "355", C.UOM_CODES, lenient=True),
        E("ACK04", "X", "ID", 3, 3, "374", C.ACK04_CODES, lenient=True),
        E("ACK05", "X", "DT", 8, 8, "373"),
        E("ACK06", "O", "AN", 1, 45, "326"),
        *pairs("ACK", 7, 27, C.PRODUCT_QUALIFIERS_855, lenient=True),
        E("ACK29", "O", "ID", 2, 2, "559"),
    ),
)
RULES_855 = _notes(
    "REF", "DTM", "N1", "N4", "N9", "CTT",
    PO1=("C0302", "C0504") + pair_notes(6, 24),
    ACK=("P0203", "C0405") + pair_notes(7, 27),  # ACK02/03 paired [C-S] STEDI-855R
)  # fmt: skip
STRUCTURE_855 = [
    {ID: "BAK", MIN: 1, MAX: 1},
    {ID: "CUR", MIN: 0, MAX: 1},
    {ID: "REF", MIN: 0, MAX: 12},
    {ID: "DTM", MIN: 0, MAX: 10},
    _n9_loop(),
    _n1_loop(),
    {
        ID: "PO1",
        MIN: 1,
        MAX: 100000,
        LEVEL: [
            {ID: "CUR", MIN: 0, MAX: 1},
            {ID: "CTP", MIN: 0, MAX: 25},  # acked cost CTP NET [C-S] STEDI-855R
            {ID: "REF", MIN: 0, MAX: MANY},
            {ID: "DTM", MIN: 0, MAX: 10},
            {ID: "MSG", MIN: 0, MAX: 12},
            {ID: "ACK", MIN: 1, MAX: 104},  # one per status, mandatory [C-S]
            _n9_loop(),
            _n1_loop(),
        ],
    },
    {ID: "CTT", MIN: 0, MAX: 1},
]

# --- 810 Invoice (vendor -> Amazon), FACTS §6 ---------------------------------------
RECORDS_810 = _records(
    BIG=(
        E("BIG01", "M", "DT", 8, 8, "373"),
        E("BIG02", "M", "AN", 1, 22, "76"),
        E("BIG03", "O", "DT", 8, 8, "373"),
        E("BIG04", "O", "AN", 1, 22, "324"),
        E("BIG05", "O", "AN", 1, 30, "328"),
        E("BIG06", "O", "AN", 1, 8, "327"),
        E("BIG07", "O", "ID", 2, 2, "640", C.BIG07_CODES, lenient=True),
        E("BIG08", "O", "ID", 2, 2, "353"),
        E("BIG09", "O", "ID", 1, 2, "306"),
        E("BIG10", "O", "AN", 1, 22, "76"),
    ),
    CUR=cur(C.CUR01_CODES),
    REF=ref(),
    N1=n1(C.N101_810_CODES),
    ITD=(
        E("ITD01", "O", "ID", 2, 2, "336", C.ITD01_CODES, lenient=True),
        E("ITD02", "O", "ID", 1, 2, "333", C.ITD02_CODES, lenient=True),
        E("ITD03", "O", "R", 1, 6, "338"),
        E("ITD04", "X", "DT", 8, 8, "370"),
        E("ITD05", "X", "N0", 1, 3, "351"),
        E("ITD06", "O", "DT", 8, 8, "446"),
        E("ITD07", "O", "N0", 1, 3, "386"),
        E("ITD08", "O", "N2", 1, 10, "362"),
        E("ITD09", "O", "DT", 8, 8, "388"),
        E("ITD10", "X", "N2", 1, 10, "389"),
        E("ITD11", "O", "R", 1, 5, "342"),
        E("ITD12", "O", "AN", 1, 80, "352"),
        E("ITD13", "O", "N0", 1, 2, "765"),
        E("ITD14", "O", "ID", 1, 2, "107"),
        E("ITD15", "O", "R", 1, 10, "954"),
    ),
    DTM=dtm(),
    IT1=line("IT1", "358", C.PRODUCT_QUALIFIERS_810, lenient=True),
    CTP=ctp(C.CTP02_CODES, lenient=True),
    TDS=tuple(
        E(f"TDS{n:02d}", "M" if n == 1 else "O", "N2", 1, 15, "610")
        for n in range(1, 5)
    ),
    TXI=COMMON["TXI"],
    SAC=COMMON["SAC"],
)
RULES_810 = _notes(
    "REF", "DTM", "N1", "N4", "N9", "CTT", "TXI", "SAC",
    IT1=("P020304",) + pair_notes(6, 24),
)  # fmt: skip
STRUCTURE_810 = [
    {ID: "BIG", MIN: 1, MAX: 1},
    {ID: "CUR", MIN: 1, MAX: 1},  # mandatory [C-S] STEDI-810R
    {ID: "REF", MIN: 0, MAX: 12},
    _n1_loop(),
    {ID: "ITD", MIN: 1, MAX: MANY},  # mandatory [C-S] STEDI-810R
    {ID: "DTM", MIN: 0, MAX: 10},
    {
        ID: "IT1",
        MIN: 1,
        MAX: 200000,
        LEVEL: [
            {ID: "CUR", MIN: 0, MAX: 1},
            {ID: "TXI", MIN: 0, MAX: 10},
            {ID: "CTP", MIN: 0, MAX: 25},
            {ID: "REF", MIN: 0, MAX: MANY},
            {ID: "DTM", MIN: 0, MAX: 10},
            {ID: "SAC", MIN: 0, MAX: 25, LEVEL: [{ID: "TXI", MIN: 0, MAX: 10}]},
            _n1_loop(),
        ],
    },
    {ID: "TDS", MIN: 1, MAX: 1},  # total in cents, mandatory [C-S] STEDI-810R
    {ID: "TXI", MIN: 0, MAX: 10},
    {ID: "SAC", MIN: 0, MAX: 25, LEVEL: [{ID: "TXI", MIN: 0, MAX: 10}]},
    {ID: "CTT", MIN: 1, MAX: 1},  # mandatory [C-S] STEDI-810R
]

# --- 820 Remittance Advice (Amazon -> vendor), FACTS §7, §14 -------------------------
RECORDS_820 = _records(
    BPR=(
        E("BPR01", "M", "ID", 1, 2, "305", C.BPR01_CODES, lenient=True),
        E("BPR02", "M", "R", 1, 18, "782"),
        E("BPR03", "M", "ID", 1, 1, "478", C.BPR03_CODES),
        E("BPR04", "M", "ID", 3, 3, "591", C.BPR04_CODES, lenient=True),
        E("BPR05", "O", "ID", 1, 10, "812"),
        E("BPR06", "X", "ID", 2, 2, "506"),
        E("BPR07", "X", "AN", 3, 12, "507"),
        E("BPR08", "O", "ID", 1, 3, "569"),
        E("BPR09", "X", "AN", 1, 35, "508"),
        E("BPR10", "O", "AN", 10, 10, "509"),
        E("BPR11", "O", "AN", 9, 9, "510"),
        E("BPR12", "X", "ID", 2, 2, "506"),
        E("BPR13", "X", "AN", 3, 12, "507"),
        E("BPR14", "O", "ID", 1, 3, "569"),
        E("BPR15", "X", "AN", 1, 35, "508"),
        E("BPR16", "O", "DT", 8, 8, "373"),
        E("BPR17", "O", "ID", 3, 3, "1048"),
        E("BPR18", "X", "ID", 2, 2, "506"),
        E("BPR19", "X", "AN", 3, 12, "507"),
        E("BPR20", "O", "ID", 1, 3, "569"),
        E("BPR21", "X", "AN", 1, 35, "508"),
    ),
    TRN=(
        E("TRN01", "M", "ID", 1, 2, "481", C.TRN01_CODES, lenient=True),
        E("TRN02", "M", "AN", 1, 30, "127"),
        E("TRN03", "O", "AN", 10, 10, "509"),
        E("TRN04", "O", "AN", 1, 30, "127"),
    ),
    CUR=cur(),
    REF=ref(),
    DTM=dtm(),
    N1=n1(),
    ENT=(
        E("ENT01", "O", "N0", 1, 6, "554"),
        E("ENT02", "X", "ID", 2, 3, "98"),
        E("ENT03", "X", "ID", 1, 2, "66"),
        E("ENT04", "X", "AN", 2, 80, "67"),
        E("ENT05", "X", "ID", 2, 3, "98"),
        E("ENT06", "X", "ID", 1, 2, "66"),
        E("ENT07", "X", "AN", 2, 80, "67"),
        E("ENT08", "X", "ID", 2, 3, "128"),
        E("ENT09", "X", "AN", 1, 30, "127"),
    ),
    RMR=(
        E("RMR01", "X", "ID", 2, 3, "128", C.RMR01_CODES, lenient=True),
        E("RMR02", "X", "AN", 1, 30, "127"),
        E("RMR03", "O", "ID", 2, 2, "482"),
        E("RMR04", "O", "R", 1, 18, "782"),
        E("RMR05", "O", "R", 1, 18, "782"),
        E("RMR06", "O", "R", 1, 18, "782"),
        E("RMR07", "O", "ID", 2, 2, "426"),
        E("RMR08", "X", "R", 1, 18, "782"),
    ),
    ADX=(
        E("ADX01", "M", "R", 1, 18, "782"),
        E("ADX02", "M", "ID", 2, 2, "426", C.ADX02_CODES, lenient=True),
        E("ADX03", "X", "ID", 2, 3, "128"),
        E("ADX04", "X", "AN", 1, 30, "127"),
    ),
)
RULES_820 = _notes(
    "REF", "DTM", "N1", "N4", "N9",
    BPR=("P0607", "P1213", "P1819"),
    ENT=("P020304", "P050607", "P0809"),
    RMR=("P0102", "P0708"),
    ADX=("P0304",),
)  # fmt: skip
STRUCTURE_820 = [
    {ID: "BPR", MIN: 1, MAX: 1},
    {ID: "TRN", MIN: 1, MAX: 1},  # mandatory [C-S] STEDI-820R
    {ID: "CUR", MIN: 0, MAX: 1},
    {ID: "REF", MIN: 0, MAX: MANY},
    {ID: "DTM", MIN: 1, MAX: MANY},  # mandatory [C-S] STEDI-820R
    _n1_loop(ref_max=MANY),
    {
        ID: "ENT",
        MIN: 0,
        MAX: MANY,
        LEVEL: [
            _adx_loop(),  # 004010 ENT/ADX loop: ADX, NTE, PER, DTM
            {
                ID: "RMR",
                MIN: 0,
                MAX: MANY,
                LEVEL: [
                    {ID: "REF", MIN: 0, MAX: MANY},
                    {ID: "DTM", MIN: 0, MAX: MANY},
                    _adx_loop(),  # 004010 RMR/ADX loop: ADX, NTE, PER
                ],
            },
        ],
    },
]

# --- 846 Inventory Inquiry/Advice (vendor -> Amazon), FACTS §8.1 --------------------
RECORDS_846 = _records(
    BIA=(
        E("BIA01", "M", "ID", 2, 2, "353", C.BAK01_CODES, lenient=True),
        E("BIA02", "M", "ID", 2, 2, "755", C.BIA02_CODES, lenient=True),
        E("BIA03", "M", "AN", 1, 30, "127"),
        E("BIA04", "M", "DT", 8, 8, "373"),
        E("BIA05", "O", "TM", 4, 8, "337"),
        E("BIA06", "O", "ID", 1, 2, "306"),
    ),
    CUR=cur(),
    REF=ref(),
    DTM=dtm(),
    N1=n1(),
    LIN=(
        E("LIN01", "O", "AN", 1, 20, "350"),
        *pairs("LIN", 2, 2, C.PRODUCT_QUALIFIERS_846, usage="M"),
        *pairs("LIN", 4, 30, C.PRODUCT_QUALIFIERS_846),
    ),
    CTP=ctp(C.CTP02_CODES, lenient=True),
    QTY=(
        E("QTY01", "M", "ID", 2, 2, "673", C.QTY01_CODES, lenient=True),
        E("QTY02", "X", "R", 1, 15, "380"),
        Composite("QTY03", "O", C001.components, "C001"),
        E("QTY04", "X", "AN", 1, 30, "61"),
    ),
)
RULES_846 = _notes(
    "REF", "DTM", "N1", "N4", "CTT",
    LIN=pair_notes(4, 30),
    QTY=("R0204", "E0204"),
)  # fmt: skip
STRUCTURE_846 = [
    {ID: "BIA", MIN: 1, MAX: 1},
    {ID: "CUR", MIN: 0, MAX: 1},
    {ID: "DTM", MIN: 0, MAX: 10},
    {ID: "REF", MIN: 0, MAX: 12},
    _n1_loop(maximum=5),
    {
        ID: "LIN",
        MIN: 1,
        MAX: 10000,
        LEVEL: [
            {ID: "DTM", MIN: 0, MAX: 10},
            {ID: "CTP", MIN: 0, MAX: 25},  # cost [I] sample "Retail Cost And ..."
            {ID: "CUR", MIN: 0, MAX: 1},
            {ID: "REF", MIN: 0, MAX: MANY},
            {ID: "QTY", MIN: 0, MAX: MANY, LEVEL: [{ID: "DTM", MIN: 0, MAX: 10}]},
        ],
    },
    {ID: "CTT", MIN: 0, MAX: 1},
]

# --- 856 Ship Notice/Manifest (vendor -> Amazon), FACTS §5 --------------------------
RECORDS_856 = _records(
    BSN=(
        E("BSN01", "M", "ID", 2, 2, "353", C.BSN01_CODES, lenient=True),
        E("BSN02", "M", "AN", 2, 30, "396"),
        E("BSN03", "M", "DT", 8, 8, "373"),
        E("BSN04", "M", "TM", 4, 8, "337"),
        E("BSN05", "O", "ID", 4, 4, "1005", C.BSN05_CODES, lenient=True),
        E("BSN06", "X", "ID", 2, 2, "640"),
        E("BSN07", "O", "ID", 3, 3, "641"),
    ),
    DTM=dtm(C.DTM01_856_CODES),
    HL=(
        E("HL01", "M", "AN", 1, 12, "628"),
        E("HL02", "O", "AN", 1, 12, "734"),
        E("HL03", "M", "ID", 1, 2, "735", C.HL03_CODES, lenient=True),
        E("HL04", "O", "ID", 1, 1, "736"),
    ),
    LIN=(
        E("LIN01", "O", "AN", 1, 20, "350"),
        *pairs("LIN", 2, 2, C.PRODUCT_QUALIFIERS_856, usage="M"),
        *pairs("LIN", 4, 30, C.PRODUCT_QUALIFIERS_856),
    ),
    SN1=(
        E("SN101", "O", "AN", 1, 20, "350"),
        E("SN102", "M", "R", 1, 10, "382"),
        E("SN103", "M", "ID", 2, 2, "355", C.UOM_CODES, lenient=True),
        E("SN104", "O", "R", 1, 15, "646"),
        E("SN105", "X", "R", 1, 15, "330"),
        E("SN106", "X", "ID", 2, 2, "355"),
        E("SN107", "O", "ID", 2, 2, "728"),
        E("SN108", "O", "ID", 2, 2, "668"),
    ),
    PRF=(
        E("PRF01", "M", "AN", 1, 22, "324"),
        E("PRF02", "O", "AN", 1, 30, "328"),
        E("PRF03", "O", "AN", 1, 8, "327"),
        E("PRF04", "O", "DT", 8, 8, "373"),
        E("PRF05", "O", "AN", 1, 30, "367"),
        E("PRF06", "O", "ID", 2, 2, "92"),
    ),
    TD1=(
        E("TD101", "O", "AN", 3, 5, "103", C.TD101_CODES, lenient=True),
        E("TD102", "X", "N0", 1, 7, "80"),
        E("TD103", "O", "ID", 1, 1, "23"),
        E("TD104", "X", "AN", 1, 30, "22"),
        E("TD105", "O", "AN", 1, 50, "79"),
        E("TD106", "O", "ID", 1, 2, "187"),
        E("TD107", "X", "R", 1, 10, "81"),
        E("TD108", "X", "ID", 2, 2, "355"),
        E("TD109", "X", "R", 1, 8, "183"),
        E("TD110", "X", "ID", 2, 2, "355"),
    ),
    TD5=(
        E("TD501", "O", "ID", 1, 2, "133"),
        E("TD502", "X", "ID", 1, 2, "66"),
        E("TD503", "X", "AN", 2, 80, "67"),
        E("TD504", "X", "ID", 1, 2, "91", C.TD504_CODES, lenient=True),
        E("TD505", "X", "AN", 1, 35, "387"),
        E("TD506", "X", "ID", 2, 2, "368"),
        E("TD507", "O", "ID", 1, 2, "309"),
        E("TD508", "X", "AN", 1, 30, "310"),
        E("TD509", "O", "ID", 2, 2, "731"),
        E("TD510", "X", "ID", 1, 2, "732"),
        E("TD511", "X", "ID", 2, 2, "733"),
        E("TD512", "O", "ID", 2, 2, "284"),
        E("TD513", "O", "ID", 2, 2, "284"),
        E("TD514", "O", "ID", 2, 2, "284"),
        E("TD515", "O", "ID", 2, 3, "26"),
    ),
    REF=ref(C.REF01_856_CODES),
    MAN=COMMON["MAN"],
    N1=n1(),
)
RULES_856 = _notes(
    "REF", "DTM", "N1", "N4", "CTT", "MAN",
    LIN=pair_notes(4, 30),
    SN1=("P0506",),
    TD1=("C0102", "P0708", "P0910"),
    TD5=("P0203",),
)  # fmt: skip
STRUCTURE_856 = [
    {ID: "BSN", MIN: 1, MAX: 1},
    {ID: "DTM", MIN: 0, MAX: 10},
    {
        ID: "HL",
        MIN: 1,
        MAX: 200000,
        LEVEL: [
            {ID: "LIN", MIN: 0, MAX: 1},
            {ID: "SN1", MIN: 0, MAX: 1},
            {ID: "PRF", MIN: 0, MAX: 1},
            {ID: "PKG", MIN: 0, MAX: 25},
            {ID: "TD1", MIN: 0, MAX: 20},
            {ID: "TD5", MIN: 0, MAX: 12},
            {ID: "REF", MIN: 0, MAX: MANY},
            {ID: "MAN", MIN: 0, MAX: MANY},
            {ID: "DTM", MIN: 0, MAX: 10},
            _n1_loop(),
        ],
    },
    {ID: "CTT", MIN: 0, MAX: 1},
]


def _grammar(set_id, structure, records, rules, source, version="004010"):
    return TransactionGrammar(
        set_id,
        version,
        structure,
        records,
        rules,
        unknown_segments="ignore",
        source=source,
        tolerated=TOLERATED,
    )


GRAMMARS = (
    _grammar("850", STRUCTURE_850, RECORDS_850, RULES_850, "Amazon 850 (FACTS §3)"),
    _grammar("855", STRUCTURE_855, RECORDS_855, RULES_855, "Amazon 855 (FACTS §4)"),
    _grammar("810", STRUCTURE_810, RECORDS_810, RULES_810, "Amazon 810 (FACTS §6)"),
    _grammar("820", STRUCTURE_820, RECORDS_820, RULES_820, "Amazon 820 (FACTS §7)"),
    _grammar("846", STRUCTURE_846, RECORDS_846, RULES_846, "Amazon 846 (FACTS §8)"),
    _grammar("856", STRUCTURE_856, RECORDS_856, RULES_856, "Amazon 856 4010 (§5)"),
)
