"""The record of each webhook delivery: what was sent where, and how it went."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class WebhookDelivery(models.Model):
    """One change sent to one webhook URL, with its attempts and its outcome."""

    class Status(models.TextChoices):
        PENDING = "pending", _("Pending")
        DELIVERED = "delivered", _("Delivered")
        FAILED = "failed", _("Failed")

    url = models.URLField(_("URL"), max_length=500)
    event = models.CharField(_("event"), max_length=50)
    payload = models.JSONField(_("payload"))
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.PENDING
    )
    attempts = models.PositiveIntegerField(_("attempts"), default=0)
    response_status = models.PositiveIntegerField(_("response status"), null=True, blank=True)
    error = models.TextField(_("error"), blank=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        verbose_name = _("webhook delivery")
        verbose_name_plural = _("webhook deliveries")
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["-created_at"], name="webhook_delivery_created")]

    def __str__(self):
        return f"{self.event} → {self.url} ({self.status})"
