"""Draw the two addons' app icons (an acorn; a storefront), 256x256 PNG.

Run once when the artwork changes: python setup/make_icons.py
"""

from pathlib import Path

from PIL import Image, ImageDraw

ROOT = Path(__file__).resolve().parent.parent
SIZE = 256


def _canvas(color):
    image = Image.new("RGBA", (SIZE, SIZE), (0, 0, 0, 0))
    draw = ImageDraw.Draw(image)
    draw.rounded_rectangle((0, 0, SIZE - 1, SIZE - 1), radius=40, fill=color)
    return image, draw


def draw_acorn(path):
    image, draw = _canvas((35, 47, 62, 255))
    draw.ellipse((70, 92, 186, 222), fill=(214, 137, 52, 255))
    draw.chord((58, 62, 198, 150), 180, 360, fill=(120, 72, 34, 255))
    draw.rectangle((58, 104, 198, 122), fill=(120, 72, 34, 255))
    draw.rectangle((122, 34, 134, 68), fill=(120, 72, 34, 255))
    draw.arc((70, 150, 186, 236), 20, 160, fill=(255, 153, 0, 255), width=10)
    image.save(path)


def draw_store(path):
    image, draw = _canvas((35, 47, 62, 255))
    draw.rectangle((52, 112, 204, 212), fill=(240, 240, 240, 255))
    for i, x in enumerate(range(44, 212, 28)):
        color = (255, 153, 0, 255) if i % 2 == 0 else (214, 137, 52, 255)
        draw.pieslice((x, 72, x + 28, 128), 0, 180, fill=color)
        draw.rectangle((x, 60, x + 28, 100), fill=color)
    draw.rectangle((110, 150, 146, 212), fill=(35, 47, 62, 255))
    draw.rectangle((64, 140, 98, 174), fill=(120, 170, 210, 255))
    draw.rectangle((158, 140, 192, 174), fill=(120, 170, 210, 255))
    image.save(path)


if __name__ == "__main__":
    draw_acorn(ROOT / "acorn_amazon_vendor/static/description/icon.png")
    draw_store(ROOT / "acorn_pos_bridge/static/description/icon.png")
