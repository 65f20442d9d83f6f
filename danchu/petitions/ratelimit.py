"""Cache-based rate limits for the public pages (per client IP, fixed one-hour windows).

Behind a reverse proxy set PETITIONS_PROXY_COUNT to the number of trusted proxies so the
client's address is read from X-Forwarded-For; otherwise REMOTE_ADDR is used.
"""

import time

from django.conf import settings
from django.core.cache import cache

LIMITS = {"submit": 5, "lookup": 20}
WINDOW = 3600


def client_ip(request):
    proxies = int(getattr(settings, "PETITIONS_PROXY_COUNT", 0) or 0)
    if proxies:
        forwarded = [p.strip() for p in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if p.strip()]
        if len(forwarded) >= proxies:
            return forwarded[-proxies]
    return request.META.get("REMOTE_ADDR", "unknown")


def hit(request, scope):
    """Count one attempt; False when the client has used up its allowance for this window."""
    limit = getattr(settings, "PETITIONS_RATE_LIMITS", {}).get(scope, LIMITS[scope])
    window = int(time.time() // WINDOW)
    key = f"petitions:rl:{scope}:{client_ip(request)}:{window}"
    if cache.add(key, 1, WINDOW + 60):
        count = 1
    else:
        try:
            count = cache.incr(key)
        except ValueError:
            cache.set(key, 1, WINDOW + 60)
            count = 1
    return count <= limit
