"""Database-backed rate limits for the public pages (per client IP, fixed one-hour windows).

The client's address is `danchu.core.throttle.client_ip` (behind a reverse proxy set
PETITIONS_PROXY_COUNT); the counting is `danchu.core.throttle.hit`, so every worker and machine
counts together.
"""

from django.conf import settings

from danchu.core import throttle

LIMITS = {"submit": 5, "lookup": 20}
WINDOW = 3600


def hit(request, scope):
    """Count one attempt; False when the client has used up its allowance for this window."""
    limit = getattr(settings, "PETITIONS_RATE_LIMITS", {}).get(scope, LIMITS[scope])
    return throttle.hit(f"petitions-{scope}", throttle.client_ip(request), WINDOW) <= limit
