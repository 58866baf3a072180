"""SSCC-18, the Serial Shipping Container Code of a carton or pallet (GS1).

GS1 General Specifications §2.2.1: an extension digit, the GS1 company prefix and
a serial reference (16 digits together), then the mod-10 check digit, 18 digits
in all. Amazon wants one SSCC per carton, equal to the 856 MAN*GM and to the
carton's label (FACTS §5.1). The one check-digit function of the addon.
"""

SSCC_DIGITS = 18
# Extension digit + company prefix + serial reference, before the check digit.
SSCC_BODY_DIGITS = 16


def sscc_check_digit(digits):
    """Returns the GS1 mod-10 check digit of the first 17 digits of an SSCC."""
    total = sum(
        int(digit) * (3 if position % 2 == 0 else 1)
        for position, digit in enumerate(reversed(digits[:17]))
    )
    return str((10 - total % 10) % 10)


def valid_sscc(value):
    """Returns True for 18 digits whose last is the GS1 check digit."""
    return (
        len(value) == SSCC_DIGITS
        and value.isascii()
        and value.isdigit()
        and sscc_check_digit(value) == value[-1]
    )


def make_sscc(extension, prefix, serial):
    """Returns the SSCC-18 of a serial number under a GS1 company prefix.

    Args:
        extension: The extension digit, "0" to "9".
        prefix: The GS1 company prefix (digits).
        serial: The serial reference, an int.

    Raises:
        ValueError: When the serial does not fit beside the prefix.
    """
    room = SSCC_BODY_DIGITS - len(prefix)
    if serial < 0 or len(str(serial)) > room:
        raise ValueError(f"serial {serial} does not fit in {room} digits")
    body = f"{extension}{prefix}{serial:0{room}d}"
    return body + sscc_check_digit(body)
