"""The generic halves of the registers' action functions: atomic, validated with full_clean, and
writing the audit row in the same transaction (docs/architecture.md rules 1 and 2)."""

from danchu.audit.models import AuditAction
from danchu.audit.trail import diff, record, snapshot
from danchu.orgs import access

from .. import stale, transactions

SNAPSHOT_EXCLUDE = ("id", "uuid")


def save_record(instance, *, actor, m2m=None, reason="", verb="", organization=None, expected_version=None):
    """Validate and save `instance` (create or update), set its many-to-many values, audit it.

    `expected_version` is the version of the record the edit form was opened on
    (`stale.version_of`): the stored row is locked and, if it changed meanwhile, `stale.StaleEdit`
    is raised and nothing is saved. None (no form shown) checks nothing."""
    with transactions.action():
        creating = instance._state.adding or instance.pk is None
        before = {}
        if not creating:
            fresh = type(instance)._base_manager.select_for_update().get(pk=instance.pk)
            stale.check_record(fresh, expected_version, instance, m2m)
            before = snapshot(fresh, exclude=SNAPSHOT_EXCLUDE)
            for name in m2m or {}:
                before[name] = sorted(str(o) for o in getattr(fresh, name).all())
        instance.full_clean()
        instance.save()
        after = snapshot(instance, exclude=SNAPSHOT_EXCLUDE)
        for name, values in (m2m or {}).items():
            getattr(instance, name).set(values)
            after[name] = sorted(str(o) for o in values)
        kwargs = {"reason": reason, "verb": verb}
        if organization is not None:
            kwargs["organization"] = organization
        if creating:
            record(instance, AuditAction.CREATE, actor, changes=diff({}, after), **kwargs)
        else:
            changes = diff(before, after)
            if changes:
                record(instance, AuditAction.UPDATE, actor, changes=changes, **kwargs)
    return instance


def delete_record(instance, *, actor, reason="", organization=None):
    """Delete `instance` (and what cascades from it), keeping its last values in the trail."""
    with transactions.action():
        kwargs = {"reason": reason}
        if organization is not None:
            kwargs["organization"] = organization
        record(
            instance,
            AuditAction.DELETE,
            actor,
            changes=diff(snapshot(instance, exclude=SNAPSHOT_EXCLUDE), {}),
            **kwargs,
        )
        instance.delete()


def record_actions(perm, message, org_field="organization"):
    """The (save, delete) action pair of a register record kind that needs nothing beyond the
    permission check: each refuses an actor without `perm` in the record's organisation
    (`org_field`, a path such as "inspection__organization"; orgs.access.check_record), then saves
    or deletes through save_record / delete_record, audited under that organisation. A kind with
    rules of its own (a fund with contributions, a subject with outcomes) writes its own."""

    def organization_of(instance):
        if org_field == "organization":
            return None  # save_record / delete_record take the record's own
        org = instance
        for part in org_field.split("__"):
            org = getattr(org, part)
        return org

    def save(instance, *, actor, m2m=None, reason="", expected_version=None):
        access.check_record(actor, perm, instance, org_field, message=message)
        return save_record(
            instance,
            actor=actor,
            m2m=m2m,
            reason=reason,
            organization=organization_of(instance),
            expected_version=expected_version,
        )

    def delete(instance, *, actor, reason=""):
        access.check_record(actor, perm, instance, org_field, message=message)
        delete_record(instance, actor=actor, reason=reason, organization=organization_of(instance))

    return save, delete
