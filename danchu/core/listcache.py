"""Rendered list pages, kept until something under them is recorded.

The busiest pages (the petition worklist, the disclosure list) are read far more often than the
letters under them change, and rendering fifty rows costs several times what the rest of the
request does. `fragment` keeps the rendered body of such a page in the cache under a key made of
everything the body depends on:

- who asks: the user, their role assignments, the active organisation, the language;
- what they asked: the query string, and today's date (deadlines turn overdue by themselves);
- the data: a version of the organisation's subtree, `subtree_state`, which is the newest audit
  event of each organisation in it. Every change to a register is recorded in the audit trail by
  its action function, in the same transaction (danchu.audit.trail), so any change to a letter or
  a disclosure, an acknowledgement included, gives the page a new key; nothing is invalidated by
  hand and a stale entry simply ages out.

What the audit trail does not see (a user renamed, a bulk load by `gen-data`; a renamed
organisation changes the version itself), and the rare case of two changes in one subtree
committing in the reverse order of their audit ids, show within `LIST_CACHE_SECONDS` (120 s by
default; 0 turns the cache off). The pages live in the `lists` cache, per process
(settings.CACHES): keys never need to be shared or deleted.
"""

import hashlib
import re
from typing import NamedTuple

from django.conf import settings
from django.core.cache import caches
from django.db import connection
from django.utils import timezone, translation
from django.utils.safestring import mark_safe

from danchu.audit.models import AuditEvent
from danchu.orgs import access
from danchu.orgs.models import Organization

_PATH = re.compile(r"/(?:[0-9]+/)*")


class Subtree(NamedTuple):
    ids: list  # `org` and every organisation under it
    version: str  # changes whenever an audit event is recorded in any of them, or one is renamed
    units: dict  # {id: the name a list shows for a record of that organisation (short name, else name)}


def subtree_state(org):
    """The Subtree of `org`: its organisations' ids and names, and its version.

    One query, written out: it runs on every view of a cached page, where the ORM's compiling of
    it cost twice what the database does (audit_org_latest_idx serves each probe). The lists take
    their rows' unit names from it rather than joining the organisations to every row."""
    orgs, events = Organization._meta.db_table, AuditEvent._meta.db_table
    # The path written into the statement: bound as a parameter, `LIKE` could not use the path's
    # index in a prepared statement's generic plan, so PostgreSQL planned it on every request.
    # Paths are digits and slashes (orgs.models.Organization.path), checked here: nothing to quote
    # or escape for LIKE.
    if not _PATH.fullmatch(org.path):
        raise ValueError(f"not an organisation path: {org.path!r}")
    sql = (
        f"SELECT o.id, (SELECT e.id FROM {events} e WHERE e.organization_id = o.id ORDER BY e.id DESC LIMIT 1), "
        f"o.short_name, o.name FROM {orgs} o WHERE o.path LIKE '{org.path}%%' ORDER BY o.id"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, [])
        rows = cursor.fetchall()
    version = hashlib.blake2b(repr(rows).encode(), digest_size=12).hexdigest()
    return Subtree(
        [pk for pk, *_rest in rows], version, {pk: short or name for pk, _last, short, name in rows}
    )


def _key(request, name, version):
    user = request.user
    roles = sorted((a.organization_id, a.role) for a in access.assignments(user))
    parts = (
        name,
        user.pk,
        user.is_superuser,
        roles,
        getattr(getattr(request, "org", None), "pk", None),
        translation.get_language(),
        timezone.localdate().isoformat(),
        sorted(request.GET.lists()),
        version,
    )
    return "listcache:" + hashlib.blake2b(repr(parts).encode(), digest_size=16).hexdigest()


def fragment(request, name, version, render):
    """The HTML `render()` returns for this request, from the cache when nothing it depends on
    has changed since it was last rendered."""
    seconds = settings.LIST_CACHE_SECONDS
    if seconds <= 0:
        return mark_safe(render())
    key = _key(request, name, version)
    store = caches["lists"]
    html = store.get(key)
    if html is None:
        html = str(render())
        store.set(key, html, seconds)
    return mark_safe(html)
