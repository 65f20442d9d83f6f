"""Database-backed rate limits for the public pages (per client IP, fixed one-hour windows).

Behind a reverse proxy set PETITIONS_PROXY_COUNT to the number of trusted proxies so the
client's address is read from X-Forwarded-For; otherwise REMOTE_ADDR is used.
"""

from django.conf import settings

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
    """Count one attempt; False when the client has used up its allowance for this window.
    Counted in the database (danchu.core.throttle), so every worker and machine counts together."""
    from danchu.core import throttle

    limit = getattr(settings, "PETITIONS_RATE_LIMITS", {}).get(scope, LIMITS[scope])
    return throttle.hit(f"petitions-{scope}", client_ip(request), WINDOW) <= limit
