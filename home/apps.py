from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class HomeConfig(AppConfig):
    name = "home"
    verbose_name = _("Home and branches")

    def ready(self):
        from django.db.models.signals import post_migrate

        from home.locales import sync_content_locales

        post_migrate.connect(sync_content_locales, sender=self)
