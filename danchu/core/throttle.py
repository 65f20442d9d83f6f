"""Counting attempts across processes and machines, in the database (`ThrottleCounter`).

`hit(scope, key, window)` adds one attempt to the current fixed window and returns the count;
`count(scope, key, window)` reads it; `reset(scope, key)` forgets every window of that key.
`client_ip(request)` is the address attempts are counted by. Used by login throttling
(core/auth.py) and the public petition pages (petitions/ratelimit.py).

Behind a reverse proxy set PETITIONS_PROXY_COUNT to the number of trusted proxies so the
client's address is read from X-Forwarded-For; otherwise REMOTE_ADDR is used.
"""

import time

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import F

from .models import ThrottleCounter

# One window in this many, the first hit also deletes the windows that are over.
PRUNE_EVERY = 50


def client_ip(request):
    proxies = int(getattr(settings, "PETITIONS_PROXY_COUNT", 0) or 0)
    if proxies:
        forwarded = [p.strip() for p in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if p.strip()]
        if len(forwarded) >= proxies:
            return forwarded[-proxies]
    return request.META.get("REMOTE_ADDR", "unknown")


def current_window(window):
    return int(time.time() // window)


def seconds_left(window):
    return int(window - time.time() % window)


def hit(scope, key, window):
    key = str(key)[:160]
    slot = current_window(window)
    rows = ThrottleCounter.objects.filter(scope=scope, key=key, window=slot)
    with transaction.atomic():
        if not rows.update(count=F("count") + 1):
            try:
                with transaction.atomic():
                    ThrottleCounter.objects.create(scope=scope, key=key, window=slot, count=1)
            except IntegrityError:  # another process created it first
                rows.update(count=F("count") + 1)
        if slot % PRUNE_EVERY == 0:
            ThrottleCounter.objects.filter(scope=scope, window__lt=slot - 1).delete()
    return rows.values_list("count", flat=True).first() or 0


def count(scope, key, window):
    return (
        ThrottleCounter.objects.filter(scope=scope, key=str(key)[:160], window=current_window(window))
        .values_list("count", flat=True)
        .first()
        or 0
    )


def reset(scope, key):
    return ThrottleCounter.objects.filter(scope=scope, key=str(key)[:160]).delete()[0]
