"""A small Code 128 reader for the label tests: bars in an image -> text.

Independent of the encoder the labels use: the symbol table below is the one of
ISO/IEC 15417 (bar/space widths in modules, values 0-106), written out here, so a
bar drawn wrong, a wrong check character or a missing FNC1 fails the test.
"""

from PIL import Image

# ISO/IEC 15417 Table 1: value -> widths of bar, space, bar, space, bar, space.
PATTERNS = (
    "212222 222122 222221 121223 121322 131222 122213 122312 132212 221213 "
    "221312 231212 112232 122132 122231 113222 123122 123221 223211 221132 "
    "221231 213212 223112 312131 311222 321122 321221 312212 322112 322211 "
    "212123 212321 232121 111323 131123 131321 112313 132113 132311 211313 "
    "231113 231311 112133 112331 132131 113123 113321 133121 313121 211331 "
    "231131 213113 213311 213131 311123 311321 331121 312113 312311 332111 "
    "314111 221411 431111 111224 111422 121124 121421 141122 141221 112214 "
    "112412 122114 122411 142112 142211 241211 221114 413111 241112 134111 "
    "111242 121142 121241 114212 124112 124211 411212 421112 421211 212141 "
    "214121 412121 111143 111341 131141 114113 114311 411113 411311 113141 "
    "114131 311141 411131 211412 211214 211232"
).split()
STOP = "2331112"
VALUES = {pattern: value for value, pattern in enumerate(PATTERNS)}
START_B, START_C, CODE_B, CODE_C, FNC1 = 104, 105, 100, 99, 102


class Code128Error(Exception):
    """The image holds no readable Code 128 symbol."""


def runs(row):
    """Widths of the dark/light runs of a row of booleans (True = dark), from the
    first dark pixel to the last."""
    dark = [index for index, value in enumerate(row) if value]
    if not dark:
        raise Code128Error("no bar in the row")
    row = row[dark[0] : dark[-1] + 1]
    widths, current, count = [], row[0], 0
    for value in row:
        if value == current:
            count += 1
        else:
            widths.append(count)
            current, count = value, 1
    widths.append(count)
    return widths


def symbols(widths):
    """Splits run widths into symbol values, checking the stop pattern."""
    values = []
    position = 0
    while len(widths) - position > 7:
        chunk = widths[position : position + 6]
        module = sum(chunk) / 11.0
        key = "".join(str(max(1, round(width / module))) for width in chunk)
        if key not in VALUES:
            raise Code128Error(f"unknown symbol {key} at run {position}")
        values.append(VALUES[key])
        position += 6
    stop = widths[position:]
    module = sum(stop) / 13.0
    if "".join(str(max(1, round(width / module))) for width in stop) != STOP:
        raise Code128Error("no stop pattern")
    return values


def text_of(values):
    """Decodes symbol values (start, data, check) in code sets B and C; FNC1 is
    returned as ``\\xf1``."""
    if len(values) < 3:
        raise Code128Error("too short")
    *data, check = values
    if sum(value * max(index, 1) for index, value in enumerate(data)) % 103 != check:
        raise Code128Error("wrong check character")
    if data[0] not in (START_B, START_C):
        raise Code128Error(f"start {data[0]} not handled")
    code_c, text = data[0] == START_C, []
    for value in data[1:]:
        if value == FNC1:
            text.append("\xf1")
        elif code_c and value == CODE_B:
            code_c = False
        elif not code_c and value == CODE_C:
            code_c = True
        elif code_c:
            text.append(f"{value:02d}")
        else:
            text.append(chr(value + 32))
    return "".join(text)


def read_image(image):
    """Reads the Code 128 symbol across the middle of a PIL image."""
    gray = image.convert("L")
    width, height = gray.size
    pixels = gray.load()
    row = [pixels[x, height // 2] < 128 for x in range(width)]
    return text_of(symbols(runs(row)))


def read_png(data):
    import io

    return read_image(Image.open(io.BytesIO(data)))
