"""The 850 interchanges the out-of-process scripts drop into an inbox (no Odoo import).

Amazon to a vendor: one PO per set, two lines each (``items``: ASIN and SKUs of the
two lines), several sets per group.
"""


def purchase_order(vendor, items, number, control):
    """The segments of one 850 set (ST to SE) for PO ``number``."""
    asin, first, second = items
    segments = [
        f"ST*850*{control:04d}",
        f"BEG*00*NE*{number}**20261127",
        f"REF*CR*{vendor}",
        "CSH*N",
        "DTM*064*20261201",
        "DTM*063*20261208",
        "N1*ST**92*ABE2",
        f"PO1*1*12*EA*5.00*PE*BP*{asin}*VN*{first}",
        f"PO1*2*3*EA*7.50*PE*VN*{second}",
        "CTT*2*15",
    ]
    segments.append(f"SE*{len(segments) + 1}*{control:04d}")
    return segments


def interchange(vendor, items, control, numbers):
    """One interchange from AMAZON to ``vendor``, one 850 per PO number."""
    sender, receiver = "AMAZON".ljust(15), vendor.ljust(15)
    segments = [
        f"ISA*00*          *00*          *ZZ*{sender}*ZZ*{receiver}*261127*0830*U*00401"
        f"*{control:09d}*0*P*>",
        f"GS*PO*AMAZON*{vendor}*20261127*0830*{control}*X*004010",
    ]
    for offset, number in enumerate(numbers, 1):
        segments += purchase_order(vendor, items, number, offset)
    segments += [f"GE*{len(numbers)}*{control}", f"IEA*1*{control:09d}"]
    return "~\n".join(segments) + "~\n"
