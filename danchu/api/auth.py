"""`Authorization: Bearer <token>`: the personal tokens of danchu.api.models, throttled like the
login (danchu.core.auth): wrong tokens are counted per address in the database
(danchu.core.throttle), and after LOGIN_FAILURES_PER_ADDRESS of them in LOGIN_WINDOW_SECONDS the
address gets 429 for the rest of the window. Each token also has a request budget per minute
(API_REQUESTS_PER_MINUTE, default 300)."""

from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext as _
from ninja.security import HttpBearer

from danchu.core import auth as login_auth
from danchu.core import throttle

from .errors import Throttled
from .models import ApiToken, hash_token

FAILURES, REQUESTS = "api-token-address", "api-token-requests"


def _limits():
    return (
        int(getattr(settings, "LOGIN_FAILURES_PER_ADDRESS", 30)),
        int(getattr(settings, "LOGIN_WINDOW_SECONDS", 900)),
        int(getattr(settings, "API_REQUESTS_PER_MINUTE", 300)),
    )


class TokenAuth(HttpBearer):
    def __call__(self, request):
        per_address, window, _per_minute = _limits()
        if throttle.count(FAILURES, login_auth.address_key(request), window) >= per_address:
            minutes = max(1, round(throttle.seconds_left(window) / 60))
            raise Throttled(
                _("Máy này đã gửi sai mã truy cập quá nhiều lần. Vui lòng thử lại sau %(m)s phút.")
                % {"m": minutes}
            )
        result = super().__call__(request)
        if result is None and request.headers.get("Authorization"):
            throttle.hit(FAILURES, login_auth.address_key(request), window)
        return result

    def authenticate(self, request, token):
        _per_address, _window, per_minute = _limits()
        found = (
            ApiToken.objects.live().select_related("user").filter(token_hash=hash_token(token or "")).first()
        )
        if found is None or not found.user.is_active:
            return None
        if throttle.hit(REQUESTS, found.pk, 60) > per_minute:
            raise Throttled(_("Mã truy cập này đã gửi quá %(n)s yêu cầu trong một phút.") % {"n": per_minute})
        now = timezone.now()
        if found.last_used_at is None or (now - found.last_used_at).total_seconds() > 60:
            ApiToken.objects.filter(pk=found.pk).update(last_used_at=now)
        request.user = found.user
        request.api_token = found
        return found
