"""The project's image model: Wagtail's image with a credit line ("Foto: ...")."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.images.models import AbstractImage, AbstractRendition, Image


class CreditedImage(AbstractImage):
    """An image with alt text (Wagtail's ``description``) and a credit line shown with it."""

    credit = models.CharField(
        _("credit line"),
        max_length=255,
        blank=True,
        help_text=_('Who owns or took the image, e.g. "Norsk kulturskoleråd".'),
    )

    admin_form_fields = Image.admin_form_fields + ("credit",)

    class Meta(AbstractImage.Meta):
        verbose_name = _("image")
        verbose_name_plural = _("images")

    @property
    def alt_text(self):
        """The text alternative: the description, falling back to the title."""
        return self.description or self.title


class CreditedRendition(AbstractRendition):
    """A resized copy of a :class:`CreditedImage`."""

    image = models.ForeignKey(CreditedImage, on_delete=models.CASCADE, related_name="renditions")

    class Meta:
        unique_together = (("image", "filter_spec", "focal_point_key"),)
