"""State changes of the core app: unlocking a login an administrator vouches for."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.utils.translation import gettext as _

from danchu.audit.models import AuditAction
from danchu.audit.trail import record
from danchu.orgs import access

from . import auth, throttle, transactions


def unlock_login(user, *, actor, reason):
    """Forget the wrong passwords counted against `user`'s account (core/auth.py), audited."""
    if actor is None or not access.is_system_admin(actor):
        raise PermissionDenied
    reason = (reason or "").strip()
    if len(reason) < 5:
        raise ValidationError({"reason": _("Vui lòng ghi lý do mở khóa (đã xác minh người dùng thế nào).")})
    with transactions.action():
        n = throttle.reset(auth.ACCOUNT, auth.account_key(user.get_username()))
        if not n:
            raise ValidationError(_("Tài khoản này không bị khóa đăng nhập."))
        record(user, AuditAction.OTHER, actor, verb="Mở khóa đăng nhập", reason=reason)
    return n
