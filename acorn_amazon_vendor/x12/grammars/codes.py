"""Code lists of Amazon Vendor Central (1P) retail EDI, each citing its source.

Sources are the tags of the project's Amazon facts (docs/amazon-edi-facts.md, cited
as "FACTS §n"): [C-A] confirmed by an Amazon source, [C-S] by a third-party
rendering of Amazon's spec, [C-T] stated by a third party, [I] inferred. A list
whose facts are [C-T] or [I] is declared ``lenient`` where it is used (a value
outside it is a warning, AK5 "E", never a rejection); a correction is a one-line
change here.
"""

# --- 850 Purchase Order (FACTS §3) -------------------------------------------------
# BEG01 Transaction Set Purpose (353): 00 original [C-S] PREDI-850; 01 cancellation,
# 04 change, 05 replace, 06 confirmation, 07 duplicate are X12 values [I] (lenient).
BEG01_CODES = frozenset({"00", "01", "04", "05", "06", "07"})
# BEG02 Purchase Order Type (92): NE new, CN consigned, NP new product introduction,
# RO rush [C-S] STEDI-850R, PREDI-850, STEDI-BLOG-850.
BEG02_CODES = frozenset({"NE", "CN", "NP", "RO"})
# REF01 on the 850 (128): CR customer reference, PD promotion/deal [C-S] PREDI-850;
# other qualifiers (associated POs) are not named publicly [I] (lenient).
REF01_850_CODES = frozenset({"CR", "PD", "PO"})
# FOB01 Shipment Method of Payment (146): BP, CC collect, DF, FO, PP prepaid, PS
# [C-S] PREDI-850.
FOB01_CODES = frozenset({"BP", "CC", "DF", "FO", "PP", "PS"})
# FOB05 Transportation Terms (335), Incoterms [C-S] PREDI-850.
FOB05_CODES = frozenset(
    {"CFR", "CIF", "CIP", "CPT", "DAF", "DDP", "DDU", "EXW", "FCA", "FOB"}
)
# CSH01 Sales Requirement (563): N no backorder, Y backorder if out of stock [C-S]
# PREDI-850.
CSH01_CODES = frozenset({"N", "Y"})
# DTM01 on the 850 heading (374): 064 do not deliver before, 063 do not deliver
# after [C-S] PREDI-850, STEDI-850R; others are not used by Amazon [I] (lenient).
DTM01_850_CODES = frozenset({"063", "064"})
# N101 on the 850 (98): ST ship-to [C-S] PREDI-850; others [I] (lenient).
N101_850_CODES = frozenset({"ST", "BT", "BY", "SF", "VN", "SU"})
# N103 Identification Code Qualifier (66): 92 assigned by buyer, 15 SAN, ZZ [C-S]
# PREDI-850; UL (GLN) and 1 (DUNS) seen in other retail [I] (lenient).
N103_CODES = frozenset({"92", "15", "ZZ", "UL", "1", "9"})
# PO103 / ACK03 / SN103 / IT103 Unit of Measure (355): EA, CA [C-S] PREDI-850; weight
# units for weight-based orders [C-A] SPAPI-PO, their X12 codes [I] (lenient).
UOM_CODES = frozenset({"EA", "CA", "LB", "OZ", "KG", "GR", "PK", "UN"})
# PO105 Basis of Unit Price (639): PE price per each, RE retail price per each [C-S]
# PREDI-850; others [I] (lenient).
PO105_CODES = frozenset({"PE", "RE", "NT", "UM"})
# PO106.. Product/Service ID Qualifier (235) on the 850: BP buyer's part number (the
# ASIN [I]), EN EAN, IB ISBN, UA UPC/EAN case code, UK GTIN-14, UP UPC, VN vendor
# item [C-S] PREDI-850. Lenient on the 850 (read what Amazon adds, note it).
PRODUCT_QUALIFIERS_850 = frozenset({"BP", "EN", "IB", "UA", "UK", "UP", "VN"})

# --- 855 Purchase Order Acknowledgment (FACTS §4) -----------------------------------
# BAK01 Transaction Set Purpose (353): 00 original [C-T] connectivity sample; 05
# replace for updated acknowledgments [I].
BAK01_CODES = frozenset({"00", "05"})
# BAK02 Acknowledgment Type (587): AC with detail and change, AD with detail no
# change [C-S] STEDI-855R.
BAK02_CODES = frozenset({"AC", "AD"})
# PO106.. on the 855 (235): BP, EN, IB, UK, UP, VN, VP [C-S] STEDI-855R (plus UA,
# echoed from the 850 [I]).
PRODUCT_QUALIFIERS_855 = frozenset({"BP", "EN", "IB", "UK", "UP", "VN", "VP", "UA"})
# CTP02 Price Identifier (236): NET, LPR list, DPR discount, SLP suggested list
# [C-S] STEDI-855R.
CTP02_CODES = frozenset({"NET", "LPR", "DPR", "SLP"})
# ACK01 Line Item Status (668): IA accepted, IB backordered, IR rejected [C-T]
# connectivity sample, matching SP-API Accepted/Backordered/Rejected [C-A]
# SPAPI-ACK; AC, BA, BX, BR, CA, CQ, OS, CK from the Vendor Central mapping [C-T]
# GRACEBLOOD. The lists conflict: lenient.
ACK01_ACCEPTED = frozenset({"IA", "AC"})
ACK01_BACKORDERED = frozenset({"IB", "BA", "BX", "BR"})
ACK01_REJECTED = frozenset({"IR", "CA", "CQ", "OS", "CK"})
ACK01_CODES = ACK01_ACCEPTED | ACK01_BACKORDERED | ACK01_REJECTED
# ACK04 Date/Time Qualifier (374): 068 current schedule ship, 067 current schedule
# delivery [I] matching SP-API scheduledShipDate/scheduledDeliveryDate (lenient).
ACK04_CODES = frozenset({"067", "068"})

# --- 856 Ship Notice (FACTS §5) ------------------------------------------------------
# BSN01 (353): 00 original; 05 replace (SP-API "Replace" [C-A] SPAPI-SHIP, code [I]).
BSN01_CODES = frozenset({"00", "05"})
# BSN05 Hierarchical Structure (1005): 0001 shipment/order/packaging/item, 0004
# shipment/order/item (X12); Amazon's choice per structure is not public [I].
BSN05_CODES = frozenset({"0001", "0002", "0004"})
# HL03 Hierarchical Level (735): S shipment, O order, T tare (pallet), P pack
# (carton), I item [C-A] ASN-FAQ, [C-T] SUPPLYPIKE.
HL03_CODES = frozenset({"S", "O", "T", "P", "I"})
# Accepted hierarchies: SOPI, SOTPI, SOTI [C-T] SUPPLYPIKE, SOPI [C-A] ASN-FAQ; SOI
# is common retail usage, not Amazon's [I] (a warning in the checks).
HIERARCHIES = frozenset({"SOPI", "SOTPI", "SOTI"})
# Which level may be the parent of which (X12 856 HL usage for the hierarchies above).
HL_PARENTS = {"S": frozenset({""}), "O": frozenset({"S"}), "T": frozenset({"O"})}
HL_PARENTS.update({"P": frozenset({"O", "T"}), "I": frozenset({"O", "T", "P"})})
# MAN01 Marks and Numbers Qualifier (88): GM SSCC-18 [C-A] PREP-MANUAL; CP carrier
# package ID for parcel tracking [I] (lenient).
MAN01_CODES = frozenset({"GM", "CP", "UC"})
# REF01 on the 856 (128): BM bill of lading [C-S] STEDI-856R; CN PRO number, AO
# appointment (Amazon Reference Number), LT lot number [I] (lenient).
REF01_856_CODES = frozenset({"BM", "CN", "AO", "LT", "IA", "VN"})
# Which REF01 carries the Amazon Reference Number (ARN) on the 856 [I] (gap §12.2).
ARN_QUALIFIER = "AO"
# DTM01 on the 856 (374): 011 shipped, 017 estimated delivery, 036 expiration, 405
# production [I] (lenient; qualifiers unconfirmed, gap §12.2).
DTM01_856_CODES = frozenset({"011", "017", "036", "405", "067"})
# TD101 Packaging Code (103): CTN carton, PLT pallet + lading material 25/94 [I].
TD101_CODES = frozenset({"CTN25", "CTN", "PLT94", "PLT", "BOX25", "PCS"})
# TD504 Transportation Method (91): M motor, L contract carrier, U parcel, A air,
# X intermodal [I] (lenient).
TD504_CODES = frozenset({"M", "L", "U", "A", "X", "H", "LT", "R"})
# LIN/SN1 product qualifiers on the 856: those of the 855 [C-S] (lenient [I]).
PRODUCT_QUALIFIERS_856 = PRODUCT_QUALIFIERS_855

# --- 810 Invoice (FACTS §6) ----------------------------------------------------------
# BIG07 Transaction Type (640): DI debit invoice, CR credit memo [I] (SP-API
# Invoice / CreditNote [C-A] SPAPI-INV) (lenient).
BIG07_CODES = frozenset({"DI", "CR", "CN", "DR"})
# CUR01 Entity (98) on the 810: BT bill-to, SE selling party [I] (lenient).
CUR01_CODES = frozenset({"BT", "SE", "BY", "PR", "PE"})
# N101 on the 810 (98): BT bill-to, RI remit-to, SF ship-from [I]; ST ship-to
# (lenient, gap §12.4).
N101_810_CODES = frozenset({"BT", "RI", "SF", "ST", "BY", "VN", "SU"})
# ITD01 Terms Type (336): 01 basic, 05 discount not applicable, 08 basic discount
# offered [I]; ITD02 Terms Basis Date (333): 3 invoice date, 2 delivery date [I].
ITD01_CODES = frozenset({"01", "02", "05", "08", "14"})
ITD02_CODES = frozenset({"1", "2", "3", "4", "15"})
# SAC01 Allowance or Charge Indicator (248): A allowance, C charge (X12).
SAC01_CODES = frozenset({"A", "C", "N"})
# SAC02 Service, Promotion, Allowance, or Charge Code (1300): D240 freight, C310
# discount, B720 cooperative advertising, F050 other [I] (lenient, gap §12.4).
SAC02_CODES = frozenset({"D240", "C310", "B720", "F050", "H850", "D170", "I170"})
# TXI01 Tax Type (963): ST state sales, GS goods and services, VA value added, LS
# state and local, CA city, CT county, TX all taxes [I] (lenient, gap §12.4).
TXI01_CODES = frozenset({"ST", "GS", "VA", "LS", "CA", "CT", "TX", "CP", "SP"})
# IT1 product qualifiers: the same as the 855 [I] (FACTS §6: same as the 855).
PRODUCT_QUALIFIERS_810 = PRODUCT_QUALIFIERS_855 | frozenset({"PO", "SK"})

# --- 820 Remittance Advice (FACTS §7, §14) -------------------------------------------
# BPR01 Transaction Handling (305): C payment with remittance, I remittance only,
# D make payment only, X [C-T] plainedi (lenient).
BPR01_CODES = frozenset({"C", "D", "I", "P", "U", "X", "H"})
# BPR03 Credit/Debit Flag (478): C credit, D debit (X12).
BPR03_CODES = frozenset({"C", "D"})
# BPR04 Payment Method (591): ACH, CHK check, FWT wire, BOP, NON [I] (lenient).
BPR04_CODES = frozenset({"ACH", "CHK", "FWT", "BOP", "NON", "CCP"})
# TRN01 Trace Type (481): 1 current transaction trace numbers (X12).
TRN01_CODES = frozenset({"1", "3"})
# RMR01 Reference Qualifier (128): IV invoice, CR credit memo, PO, IK, R7 [I]
# (lenient, gap §12.5).
RMR01_CODES = frozenset({"IV", "CR", "PO", "IK", "R7", "ZZ", "OI", "VV"})
# ADX02 Adjustment Reason (426): not public for Amazon [I] (lenient, gap §12.5).
ADX02_CODES = frozenset({"01", "04", "05", "06", "11", "22", "52", "53", "72", "CS"})
# Deduction reference suffixes/prefixes on remittances [C-T] AMAZOWL §14, most
# specific first: (test, kind).
DEDUCTION_PATTERNS = (
    ("suffix:SCRSC", "revised_shortage_claim"),
    ("suffix:SCR", "shortage_claim_reversal"),
    ("suffix:SC", "shortage_claim"),
    ("suffix:VCBSINV", "chargeback"),
    ("prefix:IPAPUS", "price_protection"),
)

# --- 846 Inventory Advice (FACTS §8.1) -----------------------------------------------
# BIA02 Report Type (755): DD distributor inventory report, MM manufacturer's
# inventory, MB [I] (lenient; the Amazon sample is "Retail Cost And Inventory").
BIA02_CODES = frozenset({"DD", "MM", "MB", "SI"})
# QTY01 Quantity Qualifier (673): 33 available for sale, 17 on hand, 02 cumulative,
# 29 [I] (lenient).
QTY01_CODES = frozenset({"33", "17", "02", "29", "63", "QH", "SL"})
# LIN product qualifiers on the 846: those of the 855 [I].
PRODUCT_QUALIFIERS_846 = PRODUCT_QUALIFIERS_855
