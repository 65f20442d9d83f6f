"""Login throttling, per account and per address, counted in the database (core/throttle.py) so
it holds across every worker and machine.

After `LOGIN_FAILURES_PER_ACCOUNT` wrong passwords (default 5) in a window of
`LOGIN_WINDOW_SECONDS` (default 15 minutes), the account refuses every login, the right password
included, until the window ends or an administrator unlocks it (`core.actions.unlock_login`,
audited). After `LOGIN_FAILURES_PER_ADDRESS` (default 30) failures from one address in a window,
that address is refused for the rest of the window. A lock-out is itself an audit event on the
account. The message is the same whether the account exists or not.
"""

import hashlib
import hmac

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.forms import AuthenticationForm
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from danchu.audit.models import AuditAction
from danchu.audit.trail import record

from . import throttle

ACCOUNT, ADDRESS = "login-account", "login-address"


def _settings():
    return (
        int(getattr(settings, "LOGIN_FAILURES_PER_ACCOUNT", 5)),
        int(getattr(settings, "LOGIN_FAILURES_PER_ADDRESS", 30)),
        int(getattr(settings, "LOGIN_WINDOW_SECONDS", 900)),
    )


def account_key(username):
    return (username or "").strip().casefold()[:150]


def address_key(request):
    ip = throttle.client_ip(request) if request is not None else "unknown"
    # Addresses are personal data: only a keyed hash is stored.
    return hmac.new(settings.SECRET_KEY.encode(), ip.encode(), hashlib.sha256).hexdigest()[:40]


def locked(username, request):
    """The Vietnamese message when this login must be refused without checking the password."""
    per_account, per_address, window = _settings()
    minutes = max(1, round(throttle.seconds_left(window) / 60))
    if throttle.count(ACCOUNT, account_key(username), window) >= per_account:
        return _(
            "Tài khoản này tạm bị khóa đăng nhập vì nhập sai mật khẩu quá %(n)s lần. Vui lòng thử lại "
            "sau %(m)s phút, hoặc đề nghị quản trị hệ thống mở khóa."
        ) % {"n": per_account, "m": minutes}
    if throttle.count(ADDRESS, address_key(request), window) >= per_address:
        return _("Máy tính này đã đăng nhập sai quá nhiều lần. Vui lòng thử lại sau %(m)s phút.") % {
            "m": minutes
        }
    return ""


def failed(username, request):
    per_account, _per_address, window = _settings()
    throttle.hit(ADDRESS, address_key(request), window)
    n = throttle.hit(ACCOUNT, account_key(username), window)
    if n == per_account:
        user = get_user_model().objects.filter(username__iexact=account_key(username)).first()
        if user is not None:
            record(
                user,
                AuditAction.OTHER,
                None,
                verb=f"Tạm khóa đăng nhập sau {n} lần nhập sai mật khẩu",
            )


def succeeded(username):
    throttle.reset(ACCOUNT, account_key(username))


class ThrottledAuthenticationForm(AuthenticationForm):
    throttled = ""

    def clean(self):
        username = self.cleaned_data.get("username")
        message = locked(username, self.request)
        if message:
            self.throttled = message
            raise ValidationError(message, code="throttled")
        try:
            cleaned = super().clean()
        except ValidationError:
            failed(username, self.request)
            raise
        succeeded(username)
        return cleaned
