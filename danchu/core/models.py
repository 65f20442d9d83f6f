"""Core tables: the shared counters behind rate limits and login throttling, and the numbering
sequences (core/numbering.py)."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class ThrottleCounter(models.Model):
    """How many attempts `key` made in one fixed window of `scope` (core/throttle.py).

    In the database, not a per-process cache, so every worker and machine counts together; the
    increment is one UPDATE ... SET count = count + 1, atomic on SQLite and PostgreSQL."""

    scope = models.CharField(max_length=32)
    key = models.CharField(max_length=160)
    window = models.BigIntegerField()
    count = models.PositiveIntegerField(default=0)

    class Meta:
        verbose_name = _("bộ đếm giới hạn truy cập")
        verbose_name_plural = _("bộ đếm giới hạn truy cập")
        constraints = [
            models.UniqueConstraint(fields=["scope", "key", "window"], name="throttle_once_per_window")
        ]
        indexes = [models.Index(fields=["scope", "window"], name="throttle_scope_window_idx")]

    def __str__(self):
        return f"{self.scope}:{self.key}@{self.window}={self.count}"


class Sequence(models.Model):
    """One issuer's yearly sequence of one kind of number (core/numbering.py): the last number
    given. The unique constraint makes (issuer, kind, year) one row; allocation locks that row
    (SELECT ... FOR UPDATE), so two transactions never take the same number."""

    issuer = models.ForeignKey(
        "orgs.Organization", verbose_name=_("cơ quan cấp số"), on_delete=models.PROTECT, related_name="+"
    )
    kind = models.CharField(max_length=32)
    year = models.PositiveSmallIntegerField()
    last = models.PositiveIntegerField(default=0)

    class Meta:
        verbose_name = _("dãy số")
        verbose_name_plural = _("dãy số")
        constraints = [
            models.UniqueConstraint(
                fields=["issuer", "kind", "year"], name="sequence_once_per_issuer_kind_year"
            )
        ]

    def __str__(self):
        return f"{self.issuer_id}/{self.kind}/{self.year}: {self.last}"
