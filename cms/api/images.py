"""Images in API output: a small set of renditions with their sizes, alt text and credit."""

import logging

from django.conf import settings
from wagtail.images import get_image_model

from core.links import asset_url

logger = logging.getLogger(__name__)


def rendition_specs():
    """The renditions every image gets, name → Wagtail filter spec (``API_IMAGE_RENDITIONS``)."""
    return settings.API_IMAGE_RENDITIONS


def load_images(image_ids):
    """The images with ``image_ids`` and their renditions, in a constant number of queries."""
    if not image_ids:
        return {}
    specs = list(rendition_specs().values())
    images = get_image_model().objects.filter(pk__in=image_ids).prefetch_renditions(*specs)
    return {image.pk: image for image in images}


def _renditions(image):
    specs = rendition_specs()
    try:
        by_spec = image.get_renditions(*specs.values())
    except Exception:  # a missing or broken source file must not break the whole response
        logger.warning("Could not make renditions of image %s", image.pk, exc_info=True)
        return {}
    return {
        name: {
            "url": asset_url(by_spec[spec].url),
            "width": by_spec[spec].width,
            "height": by_spec[spec].height,
        }
        for name, spec in specs.items()
        if spec in by_spec
    }


def image_data(image):
    """The API representation of an image."""
    return {
        "id": image.pk,
        "title": image.title,
        "alt": image.alt_text,
        "credit": getattr(image, "credit", ""),
        "width": image.width,
        "height": image.height,
        "renditions": _renditions(image),
    }


def document_data(document):
    """The API representation of a document: its download URL and what the link should say."""
    return {
        "id": document.pk,
        "title": document.title,
        "url": asset_url(document.url),
        "filename": document.filename,
        "file_extension": document.file_extension,
        "file_size": document.file_size,
    }
