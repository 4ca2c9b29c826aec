"""The content generation: one number that changes whenever public content may have changed."""

from django.db import models
from django.utils.translation import gettext_lazy as _

#: The primary key of the content generation's one row.
GENERATION_PK = 1


class ContentGeneration(models.Model):
    """A single row counting content changes; part of every API ETag and cache key.

    It is bumped in the same database transaction as the change (see ``cms.api.generation``),
    so every worker and every server sees a new generation as soon as the change is committed.
    """

    value = models.PositiveBigIntegerField(_("generation"), default=1)
    changed_at = models.DateTimeField(_("changed at"))
    #: ``changed_at`` in microseconds since the epoch, kept as a number so that every cache hit
    #: reads the generation's mark (``value``, ``stamp``) without converting a timestamp.
    stamp = models.BigIntegerField(_("stamp"), default=0, editable=False)

    class Meta:
        verbose_name = _("content generation")
        verbose_name_plural = _("content generations")
        constraints = [
            # One row: a cache hit reads the table without a WHERE clause, which PostgreSQL
            # plans faster than a lookup by primary key.
            models.CheckConstraint(
                condition=models.Q(pk=GENERATION_PK), name="api_contentgeneration_one_row"
            )
        ]

    def __str__(self):
        return f"{self.value} ({self.changed_at:%Y-%m-%d %H:%M:%S})"


class CacheTag(models.Model):
    """When a part of the content last changed: one row per cache tag (see
    ``cms.api.dependencies``), holding the content generation of its last change.

    A cached API response remembers its tags and the generation it was rendered at; it stays
    valid while none of its tags has a later version. Tags are bumped in the transaction of
    the change, so no server serves a response older than a committed change.
    """

    name = models.CharField(_("name"), max_length=100, unique=True)
    version = models.PositiveBigIntegerField(_("version"))
    changed_at = models.DateTimeField(_("changed at"))

    class Meta:
        verbose_name = _("cache tag")
        verbose_name_plural = _("cache tags")

    def __str__(self):
        return f"{self.name} ({self.version})"
