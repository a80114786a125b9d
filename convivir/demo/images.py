"""Demo images drawn locally from the site's palette: soft gradients, shapes
and a simple pictogram. No photographs, no people, no downloads."""

import io
import random

from PIL import Image, ImageDraw, ImageFilter

PALETTE = {
    "teal": (9, 80, 80),
    "teal_light": (74, 140, 130),
    "terracotta": (154, 52, 18),
    "clay": (232, 168, 124),
    "sand": (246, 239, 228),
    "leaf": (23, 95, 48),
    "sun": (240, 190, 90),
}

PICTOGRAMS = ("people", "house", "path", "heart", "book", "hands", "speech")


def _gradient(size, top, bottom):
    width, height = size
    image = Image.new("RGB", size, top)
    draw = ImageDraw.Draw(image)
    for y in range(height):
        mix = y / max(height - 1, 1)
        colour = tuple(
            round(a + (b - a) * mix) for a, b in zip(top, bottom, strict=True)
        )
        draw.line([(0, y), (width, y)], fill=colour)
    return image


def _pictogram(draw, kind, cx, cy, r, colour, second=PALETTE["teal"]):
    """A plain symbol drawn with basic shapes, centred on (cx, cy)."""
    if kind == "people":
        for dx, shade in ((-0.55, colour), (0.55, second)):
            x = cx + dx * r
            draw.ellipse(
                [x - r * 0.3, cy - r * 0.9, x + r * 0.3, cy - r * 0.3], fill=shade
            )
            draw.rounded_rectangle(
                [x - r * 0.45, cy - r * 0.2, x + r * 0.45, cy + r], r * 0.3, fill=shade
            )
    elif kind == "house":
        draw.polygon(
            [(cx - r, cy - r * 0.1), (cx, cy - r), (cx + r, cy - r * 0.1)], fill=colour
        )
        draw.rectangle(
            [cx - r * 0.75, cy - r * 0.1, cx + r * 0.75, cy + r], fill=colour
        )
        draw.rectangle(
            [cx - r * 0.2, cy + r * 0.3, cx + r * 0.2, cy + r], fill=PALETTE["sun"]
        )
    elif kind == "path":
        draw.polygon(
            [
                (cx - r * 0.2, cy - r),
                (cx + r * 0.2, cy - r),
                (cx + r, cy + r),
                (cx - r, cy + r),
            ],
            fill=colour,
        )
        for step in range(4):
            y = cy - r * 0.7 + step * r * 0.45
            draw.rectangle(
                [cx - r * 0.05, y, cx + r * 0.05, y + r * 0.2], fill=PALETTE["sun"]
            )
    elif kind == "heart":
        draw.ellipse([cx - r, cy - r * 0.8, cx, cy + r * 0.2], fill=colour)
        draw.ellipse([cx, cy - r * 0.8, cx + r, cy + r * 0.2], fill=colour)
        draw.polygon(
            [
                (cx - r * 0.93, cy - r * 0.05),
                (cx + r * 0.93, cy - r * 0.05),
                (cx, cy + r),
            ],
            fill=colour,
        )
        draw.rectangle([cx - r * 0.5, cy - r * 0.5, cx + r * 0.5, cy], fill=colour)
    elif kind == "book":
        draw.polygon(
            [
                (cx, cy - r * 0.6),
                (cx - r, cy - r * 0.8),
                (cx - r, cy + r * 0.7),
                (cx, cy + r * 0.9),
            ],
            fill=colour,
        )
        draw.polygon(
            [
                (cx, cy - r * 0.6),
                (cx + r, cy - r * 0.8),
                (cx + r, cy + r * 0.7),
                (cx, cy + r * 0.9),
            ],
            fill=second,
        )
    elif kind == "hands":
        draw.ellipse([cx - r, cy - r * 0.3, cx + r * 0.2, cy + r * 0.6], fill=colour)
        draw.ellipse([cx - r * 0.2, cy - r * 0.6, cx + r, cy + r * 0.3], fill=second)
    else:  # speech
        draw.rounded_rectangle(
            [cx - r, cy - r * 0.7, cx + r, cy + r * 0.4], r * 0.3, fill=colour
        )
        draw.polygon(
            [
                (cx - r * 0.4, cy + r * 0.35),
                (cx - r * 0.6, cy + r),
                (cx, cy + r * 0.35),
            ],
            fill=colour,
        )


def make_image(seed: str, size=(1600, 1000), pictogram=None) -> bytes:
    """A JPEG of an abstract composition, always the same for the same seed."""
    rng = random.Random(seed)  # noqa: S311 - shapes, not secrets
    names = list(PALETTE)
    top, bottom = rng.sample(
        [PALETTE[n] for n in ("teal", "teal_light", "clay", "sand")], 2
    )
    image = _gradient(size, top, bottom)
    layer = Image.new("RGBA", size, (0, 0, 0, 0))
    draw = ImageDraw.Draw(layer)
    width, height = size
    for _ in range(7):
        colour = PALETTE[rng.choice(names)]
        r = rng.randint(height // 8, height // 2)
        x, y = rng.randint(0, width), rng.randint(0, height)
        draw.ellipse([x - r, y - r, x + r, y + r], fill=(*colour, rng.randint(70, 150)))
    layer = layer.filter(ImageFilter.GaussianBlur(18))
    image = Image.alpha_composite(image.convert("RGBA"), layer)
    draw = ImageDraw.Draw(image)
    kind = pictogram or rng.choice(PICTOGRAMS)
    r = height // 4
    cx, cy = width // 2, height // 2
    draw.ellipse(
        [cx - r * 1.6, cy - r * 1.6, cx + r * 1.6, cy + r * 1.6],
        fill=(*PALETTE["sand"], 235),
    )
    _pictogram(draw, kind, cx, cy, r, PALETTE["terracotta"])
    output = io.BytesIO()
    image.convert("RGB").save(output, "JPEG", quality=82, optimize=True)
    return output.getvalue()
