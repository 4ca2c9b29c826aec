"""When something happens: exact dates when known, words when vague, and recurrence."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel


class TimingMixin(models.Model):
    """Start and end dates (optional), a display text such as "våren 2025", and recurrence."""

    start_date = models.DateField(
        _("start date"), null=True, blank=True, help_text=_("The first day, when it is decided.")
    )
    end_date = models.DateField(
        _("end date"), null=True, blank=True, help_text=_("The last day, if it is not the first.")
    )
    timing_text = models.CharField(
        _("timing"),
        max_length=255,
        blank=True,
        help_text=_('Timing in words when dates are vague, e.g. "våren 2025" or "hver måned".'),
    )
    is_recurring = models.BooleanField(
        _("recurring"),
        default=False,
        help_text=_("Tick for things that repeat through the period, e.g. a monthly meeting."),
    )

    timing_panels = [
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("start_date"), FieldPanel("end_date")]),
                FieldPanel("timing_text"),
                FieldPanel("is_recurring"),
            ],
            heading=_("Timing"),
        )
    ]

    class Meta:
        abstract = True

    def clean(self):
        super().clean()
        if self.start_date and self.end_date and self.start_date > self.end_date:
            raise ValidationError({"end_date": _("The end date cannot be before the start date.")})
