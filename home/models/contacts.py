"""Contact persons: the people of a branch (or national staff) that pages point at."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.models import TranslatableMixin
from wagtail_localize.fields import SynchronizedField, TranslatableField

from core.models.relations import TranslatableOrderable
from core.models.translation import UnofficialTranslationMixin


class ContactPerson(UnofficialTranslationMixin, TranslatableMixin, models.Model):
    """A person to contact about a branch, a plan or a measure.

    Name, phone and e-mail are the same in every language; only the role and the photo's alt
    text are translated.
    The photo is shown only when the person has consented to it.
    """

    name = models.CharField(_("name"), max_length=255, help_text=_("Full name."))
    role = models.CharField(
        _("role"), max_length=255, blank=True, help_text=_('E.g. "Ansvarlig rådgiver".')
    )
    phone = models.CharField(
        _("work phone"), max_length=32, blank=True, help_text=_('E.g. "+47 990 35 524".')
    )
    email = models.EmailField(_("work e-mail"), blank=True, help_text=_("Work e-mail address."))
    branch = models.ForeignKey(
        "home.BranchPage",
        verbose_name=_("branch"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("The county branch this person works for. Empty for national staff."),
    )
    photo = models.ForeignKey(
        "assets.CreditedImage",
        verbose_name=_("photo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Portrait. Shown only when consent is recorded below."),
    )
    photo_alt = models.CharField(
        _("photo alt text"),
        max_length=255,
        blank=True,
        help_text=_(
            "What the photo shows, for readers who cannot see it, in this language. "
            "Leave empty to use the image's own alt text from the image library."
        ),
    )
    photo_consent = models.BooleanField(
        _("consent to show photo"),
        default=False,
        help_text=_("Tick only when the person has agreed that the photo may be published."),
    )

    panels = [
        FieldPanel("name"),
        FieldPanel("role"),
        FieldPanel("phone"),
        FieldPanel("email"),
        FieldPanel("branch"),
        MultiFieldPanel(
            [FieldPanel("photo"), FieldPanel("photo_alt"), FieldPanel("photo_consent")],
            heading=_("Photo"),
        ),
        *UnofficialTranslationMixin.translation_panels,
    ]
    override_translatable_fields = [
        *UnofficialTranslationMixin.override_translatable_fields,
        SynchronizedField("name", overridable=False),
        SynchronizedField("phone", overridable=False),
        SynchronizedField("email", overridable=False),
        SynchronizedField("photo"),
        SynchronizedField("photo_consent"),
        TranslatableField("role"),
        TranslatableField("photo_alt"),
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("contact person")
        verbose_name_plural = _("contact persons")
        ordering = ["name"]

    def __str__(self):
        return f"{self.name} ({self.role})" if self.role else self.name

    #: Texts whose translation the API compares with the default language's (an alt text left
    #: untranslated is marked as a fallback, :func:`cms.api.serializers.localized_alt`).
    alt_texts = ("photo_alt",)

    @property
    def public_photo(self):
        """The photo when consent is recorded, else ``None``."""
        return self.photo if self.photo_consent else None


class ContactLink(TranslatableOrderable):
    """A link to a contact person."""

    contact = models.ForeignKey(
        "home.ContactPerson",
        verbose_name=_("contact person"),
        on_delete=models.CASCADE,
        related_name="+",
        help_text=_("The person to contact."),
    )

    class Meta(TranslatableOrderable.Meta):
        abstract = True
