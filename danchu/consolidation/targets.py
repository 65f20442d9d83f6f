"""Which organisations must answer a request, resolved by validity dates (LEGAL.md §10): a 2026
request reaches the agencies that succeeded those merged in 2025; a 2020 request reaches the
agencies as they were in 2020. History is never rewritten."""

from danchu.orgs.models import Organization


def valid_successor(org, day):
    """`org` if it existed on `day`, else the successor that did (following the chain), else None."""
    seen = set()
    while org is not None and not org.is_valid_on(day):
        if org.pk in seen or org.successor_id is None:
            return None
        seen.add(org.pk)
        org = org.successor
    return org


def resolve(*, mode, day, root=None, chosen=(), exclude=None):
    """(organisations that must answer, organisations dropped because they no longer existed
    on `day` and have no successor)."""
    from .models import TargetMode

    dropped = []
    if mode == TargetMode.SUBTREE:
        current_root = valid_successor(root, day) if root is not None else None
        if current_root is None:
            return [], [root] if root is not None else []
        found = list(Organization.objects.filter(parent=current_root).valid_on(day).order_by("path"))
    else:
        found, seen = [], set()
        for org in chosen:
            current = valid_successor(org, day)
            if current is None:
                dropped.append(org)
            elif current.pk not in seen:
                seen.add(current.pk)
                found.append(current)
    if exclude is not None:
        found = [o for o in found if o.pk != exclude.pk]
    return found, dropped
