from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class WebhooksConfig(AppConfig):
    name = "webhooks"
    verbose_name = _("Webhooks")

    def ready(self):
        from cms.api.changes import content_changed

        from .services import on_content_changed

        content_changed.connect(on_content_changed, dispatch_uid="webhooks_content_changed")
