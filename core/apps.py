from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    """The foundation every app builds on; it imports no other app of the project."""

    name = "core"
    verbose_name = _("Foundation")

    def ready(self):
        from django.db.backends.signals import connection_created
        from django.db.models.signals import post_migrate

        from core.languages import sync_content_locales
        from core.timestamps import use_compiled_loader

        post_migrate.connect(sync_content_locales, sender=self)
        connection_created.connect(use_compiled_loader)
