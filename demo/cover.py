"""The plan's cover image: drawn locally with Pillow, so nothing is downloaded."""

import io
import math
import random

from django.core.files.images import ImageFile

from assets.models import CreditedImage


def draw_cover(width=1600, height=900):
    """A PNG of green northern lights over mountains and the sea, the same on every run."""
    from PIL import Image, ImageDraw, ImageFilter

    rng = random.Random(2024)
    image = Image.new("RGB", (width, height))
    draw = ImageDraw.Draw(image)
    for y in range(height):  # the night sky, lighter towards the horizon
        t = y / height
        draw.line([(0, y), (width, y)], fill=(int(10 + 30 * t), int(20 + 60 * t), int(60 + 90 * t)))
    aurora = Image.new("RGB", (width, height))
    glow = ImageDraw.Draw(aurora)
    for band, (colour, phase) in enumerate([((60, 220, 140), 0.0), ((120, 255, 190), 1.7)]):
        for x in range(0, width, 4):
            y = int(height * (0.28 + 0.06 * band) + 70 * math.sin(x / 230 + phase))
            glow.line([(x, y - 120), (x, y + 20)], fill=colour, width=4)
    image = Image.blend(image, aurora.filter(ImageFilter.GaussianBlur(30)), 0.45)
    draw = ImageDraw.Draw(image)
    for level, colour, steps in [(0.6, (34, 56, 98), 9), (0.68, (18, 34, 66), 14)]:
        ridge = [(0, height)]
        for i in range(steps + 1):
            peak = rng.uniform(0.02, 0.16) if i % 2 else rng.uniform(0.0, 0.05)
            jitter = rng.uniform(-30, 30) if 0 < i < steps else 0
            ridge.append((width * i / steps + jitter, height * (level - peak)))
        draw.polygon([*ridge, (width, height)], fill=colour)
    sea_top = int(height * 0.8)
    draw.rectangle([(0, sea_top), (width, height)], fill=(12, 30, 56))
    for _ in range(60):  # the aurora's glitter on the water
        x, y = rng.uniform(0, width), rng.uniform(sea_top + 8, height - 8)
        draw.line([(x, y), (x + rng.uniform(20, 90), y)], fill=(36, 92, 96), width=2)
    buffer = io.BytesIO()
    image.save(buffer, format="PNG", optimize=True)
    return buffer


def ensure_cover_image(title, description, credit, filename, collection=None):
    """Return the image called ``title``, drawing and saving it the first time.

    ``description`` is the alt text and ``credit`` the credit line; ``collection`` is where it
    is filed (the root collection when not given). Returns ``(image, created)``.
    """
    image = CreditedImage.objects.filter(title=title).first()
    if image is not None:
        return image, False
    image = CreditedImage(
        title=title,
        description=description,
        credit=credit,
        file=ImageFile(draw_cover(), name=filename),
        **({"collection": collection} if collection is not None else {}),
    )
    image._set_image_file_metadata()
    image.save()
    return image, True
