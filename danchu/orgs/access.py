"""Access helpers: the one place that answers "may this user do this in this organisation?".

Roles are held over an organisation and apply to its whole subtree. Each app declares which
roles grant which permission in its own `permissions.py` (a RULES dict: permission -> roles);
they are collected here. Views never look objects up raw: they call `get_for_user` or filter
with `orgs_with(user, perm)`.
"""

from functools import lru_cache

from django.core.exceptions import PermissionDenied
from django.db.models import Q
from django.http import Http404
from django.utils.translation import gettext as _

from .models import Organization, Role, RoleAssignment


@lru_cache(maxsize=1)
def _rules():
    from danchu.core.plugins import app_modules

    rules = {}
    for _config, module in app_modules("permissions"):
        for perm, roles in getattr(module, "RULES", {}).items():
            rules.setdefault(perm, set()).update(roles)
    return rules


def known_permissions():
    return set(_rules())


def roles_granting(perm):
    try:
        return _rules()[perm]
    except KeyError:
        raise ValueError(f"unknown permission {perm!r}") from None


def assignments(user):
    """The user's role assignments, cached on the user object for the request."""
    if not getattr(user, "is_authenticated", False):
        return []
    cached = getattr(user, "_danchu_assignments", None)
    if cached is None:
        cached = list(RoleAssignment.objects.filter(user=user).select_related("organization__parent"))
        user._danchu_assignments = cached
    return cached


def clear_cache(user):
    if hasattr(user, "_danchu_assignments"):
        del user._danchu_assignments


def roles_in(user, org):
    """Roles the user holds over `org` (directly or through an ancestor)."""
    return {a.role for a in assignments(user) if org.path.startswith(a.organization.path)}


def is_system_admin(user):
    return any(a.role == Role.SYSTEM_ADMIN for a in assignments(user)) or getattr(user, "is_superuser", False)


def can(user, perm, org):
    """May `user` exercise `perm` in `org`?"""
    if org is None:
        return False
    granting = roles_granting(perm)
    if getattr(user, "is_superuser", False) and Role.SYSTEM_ADMIN in granting:
        return True
    return bool(roles_in(user, org) & granting)


def orgs_with(user, perm):
    """A queryset of every organisation in which `user` has `perm`."""
    granting = roles_granting(perm)
    if getattr(user, "is_superuser", False) and Role.SYSTEM_ADMIN in granting:
        return Organization.objects.all()
    paths = {a.organization.path for a in assignments(user) if a.role in granting}
    if not paths:
        return Organization.objects.none()
    query = Q()
    for path in paths:
        query |= Q(path__startswith=path)
    return Organization.objects.filter(query)


def role_orgs(user):
    """Organisations the user holds a role in directly: the choices of the organisation switcher."""
    seen, result = set(), []
    for a in sorted(assignments(user), key=lambda a: a.organization.path):
        if a.organization_id not in seen:
            seen.add(a.organization_id)
            result.append(a.organization)
    return result


def require(user, perm, org):
    if not can(user, perm, org):
        raise PermissionDenied


# The actor of work the system does on its own: a task, a management command, a data migration, a
# demo builder. An action called with `actor=SYSTEM` skips its permission check (there is no one to
# ask) and its audit rows name no user. Views and the API always pass the signed-in user (an
# anonymous visitor is AnonymousUser, never SYSTEM), so they are always checked.
SYSTEM = None


def check(actor, perm, org, message=None):
    """An action's own permission check, the authority whoever calls it (view, API, command):
    PermissionDenied with a Vietnamese message unless `actor` has `perm` in `org` or is SYSTEM."""
    if actor is SYSTEM:
        return
    if not can(actor, perm, org):
        raise PermissionDenied(message or _("Bạn không có quyền làm việc này."))


def get_for_user(user, queryset, perm, org_field="organization", **lookup):
    """Fetch one object the user may `perm`, or raise 404 (not 403: an outsider learns nothing)."""
    try:
        obj = queryset.select_related(org_field).get(**lookup)
    except (queryset.model.DoesNotExist, ValueError, TypeError):
        raise Http404 from None
    org = obj
    for part in org_field.split("__"):
        org = getattr(org, part)
    if not can(user, perm, org):
        raise Http404
    return obj


def check_record(actor, perm, instance, org_field="organization", message=None):
    """`check` for a register record: `perm` in the organisation the record is saved under
    (`org_field`, a path such as "inspection__organization") and, for a stored record, also in the
    one it is stored under now, so no one moves a record out of an organisation they may not change."""
    if actor is SYSTEM:
        return
    org = instance
    for part in org_field.split("__"):
        org = getattr(org, part, None)  # an unset relation: no organisation, refused below
    check(actor, perm, org, message)
    if instance.pk is not None:
        stored = type(instance)._base_manager.filter(pk=instance.pk).values_list(org_field, flat=True).first()
        if stored is not None and stored != org.pk:
            check(actor, perm, Organization.objects.get(pk=stored), message)
