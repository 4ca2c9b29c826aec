"""What a media file is, judged by its content rather than by its name.

Used where files come from outside the admin (``import_plan --fetch-media``): an image must be
one Pillow reads as JPEG, PNG, GIF or WebP; a document must be of a type in
WAGTAILDOCS_EXTENSIONS whose content matches its extension (an HTML page named ``.pdf`` is
refused).
"""

import posixpath
import zipfile
from io import BytesIO

from django.conf import settings
from django.utils.translation import gettext as _
from PIL import Image as PILImage

IMAGE_FORMATS = {"JPEG": "jpg", "PNG": "png", "GIF": "gif", "WEBP": "webp"}
ZIP_EXTENSIONS = {"docx", "odt", "pptx", "xlsx", "zip"}
TEXT_EXTENSIONS = {"csv", "txt"}


class FileTypeError(ValueError):
    """A file whose content is not what it is supposed to be."""


def image_extension(data):
    """The extension of image ``data`` by its content; FileTypeError if it is no image we take."""
    try:
        with PILImage.open(BytesIO(data)) as image:
            image_format = image.format
            image.verify()
    except Exception as error:  # Pillow raises many kinds of errors for a broken image.
        raise FileTypeError(_("not an image")) from error
    if image_format not in IMAGE_FORMATS:
        raise FileTypeError(_("not an image")) from None
    return IMAGE_FORMATS[image_format]


def image_filename(name, data):
    """``name`` with the extension that matches image ``data``."""
    stem = posixpath.splitext(posixpath.basename(name))[0] or "image"
    return f"{stem}.{image_extension(data)}"


def _is_text(data):
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return False
    start = text.lstrip()[:200].lower()
    return "\x00" not in text and not start.startswith(("<!doctype", "<html", "<?xml", "<"))


def _content_matches(extension, data):
    if extension == "pdf":
        return data.startswith(b"%PDF-")
    if extension == "rtf":
        return data.startswith(b"{\\rtf")
    if extension in ZIP_EXTENSIONS:
        return data.startswith(b"PK\x03\x04") and zipfile.is_zipfile(BytesIO(data))
    if extension in TEXT_EXTENSIONS:
        return _is_text(data)
    return False


def check_document(name, data):
    """FileTypeError unless ``name`` has an allowed extension and ``data`` is of that type."""
    extension = posixpath.splitext(name)[1].lstrip(".").lower()
    if extension not in settings.WAGTAILDOCS_EXTENSIONS:
        raise FileTypeError(
            _("not an allowed document type (%(types)s)")
            % {"types": ", ".join(settings.WAGTAILDOCS_EXTENSIONS)}
        )
    if not _content_matches(extension, data):
        raise FileTypeError(
            _("the content is not a .%(extension)s file") % {"extension": extension}
        )
