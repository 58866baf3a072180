"""GS1-128 barcode images for the SSCC labels (a plain helper, no model).

reportlab's Code128 encoder chooses the code sets, writes FNC1 (given as
``\\xf1``) after the start character, which makes the symbol GS1-128, and adds
the mod-103 check character. The bars are drawn here with Pillow at a whole
number of pixels per module, so each bar prints crisp on a 203/300 dpi thermal
printer, and without reportlab's PNG backend (renderPM), which Odoo's
``ir.actions.report.barcode()`` needs and which not every installation has.
"""

import io

from PIL import Image, ImageDraw
from reportlab.graphics.barcode.code128 import Code128

# Quiet zone each side, in modules (GS1 General Specifications §5.4.4.5: 10X).
QUIET_MODULES = 10


def code128_widths(value):
    """Returns the Code128 symbol of ``value`` as alternating bar/space widths
    in modules, starting with a bar (start character to stop pattern)."""
    symbol = Code128(value, quiet=0)
    symbol.validate()
    symbol.encode()
    # decompose() spells bars as A-D and spaces as a-d (widths 1-4).
    return [ord(letter.lower()) - ord("a") + 1 for letter in symbol.decompose()]


def code128_png(value, module=3, height=150):
    """Returns PNG bytes of the Code128 symbol of ``value`` with its quiet zones."""
    widths = code128_widths(value)
    total = (sum(widths) + 2 * QUIET_MODULES) * module
    image = Image.new("1", (total, height), 1)
    draw = ImageDraw.Draw(image)
    x = QUIET_MODULES * module
    for position, width in enumerate(widths):
        if position % 2 == 0:
            draw.rectangle([x, 0, x + width * module - 1, height - 1], fill=0)
        x += width * module
    output = io.BytesIO()
    image.save(output, format="PNG")
    return output.getvalue()
