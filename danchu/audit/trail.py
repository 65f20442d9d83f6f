"""Writing and reading the audit trail. Every action function calls `record` in the same
transaction as the change it records."""

import datetime
import decimal
import uuid

from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.db.models.fields.files import FieldFile

from .models import AuditAction, AuditEvent
from .verbs import normalise


def _plain(value):
    if isinstance(value, (datetime.date, datetime.datetime, datetime.time)):
        return value.isoformat()
    if isinstance(value, (decimal.Decimal, uuid.UUID)):
        return str(value)
    if isinstance(value, FieldFile):
        return value.name or None
    if isinstance(value, models.Model):
        return str(value)
    return value


def snapshot(instance, exclude=("id",)):
    """The concrete field values of `instance`, as JSON-safe data, keyed by field name."""
    data = {}
    for field in instance._meta.concrete_fields:
        if field.name in exclude:
            continue
        if field.is_relation:
            data[field.name] = _plain(getattr(instance, field.attname))
        else:
            data[field.name] = _plain(field.value_from_object(instance))
    return data


def diff(before, after):
    """{field: [old, new]} for the fields that differ between two snapshots."""
    keys = set(before) | set(after)
    return {k: [before.get(k), after.get(k)] for k in sorted(keys) if before.get(k) != after.get(k)}


def record(
    instance,
    action,
    actor=None,
    *,
    changes=None,
    reason="",
    verb="",
    verb_params=None,
    organization=None,
    secret_fields=(),
):
    """Append one audit event about `instance`. `verb` is a code of `danchu.audit.verbs.VERBS`
    (with `verb_params`) or a text in any of the site's languages, stored as its code and
    rendered in the reader's language. `secret_fields` are recorded as changed, never by value."""
    verb_code, verb_params, verb = normalise(verb, verb_params)
    changes = dict(changes or {})
    for name in secret_fields:
        if name in changes:
            changes[name] = ["***", "***"]
    if organization is None:
        organization = getattr(instance, "organization", None)
    name = ""
    if actor is not None and getattr(actor, "is_authenticated", False):
        name = actor.get_full_name() or actor.get_username()
    return AuditEvent.objects.create(
        actor=actor if actor is not None and getattr(actor, "is_authenticated", False) else None,
        actor_name=name or "hệ thống",
        action=action,
        verb=verb[:255],
        verb_code=verb_code,
        verb_params=verb_params,
        content_type=ContentType.objects.get_for_model(instance, for_concrete_model=False),
        object_id=str(instance.pk),
        object_repr=str(instance)[:255],
        organization=organization if isinstance(organization, models.Model) else None,
        changes=changes,
        reason=reason,
    )


def record_create(instance, actor, **kwargs):
    return record(instance, AuditAction.CREATE, actor, changes=diff({}, snapshot(instance)), **kwargs)


def history_for(instance):
    return AuditEvent.objects.filter(
        content_type=ContentType.objects.get_for_model(instance, for_concrete_model=False),
        object_id=str(instance.pk),
    ).select_related("actor")
