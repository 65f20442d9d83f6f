"""System checks for production misconfiguration (docs/security.md), in the manner of
healthchecks' `settings_check`: each has an id and a message in the reader's language.

They run with every management command (`danchu check`, `migrate`, …), not only with `--deploy`,
so a misconfigured server says so when it is set up. Production (DANCHU_ENV=production) must not
count or queue per process, nor run with DEBUG; an identity-encryption key that is set must be
a valid Fernet key wherever it is set, or the first encrypted identity would fail.

    danchu.W001  the default cache is per process (production)
    danchu.W002  tasks run in-process (production)
    danchu.E001  FIELD_ENCRYPTION_KEY is not a valid Fernet key (any environment)
    danchu.E002  DEBUG is on (production)
"""

import binascii

from django.conf import settings
from django.core import checks
from django.utils.translation import gettext_lazy as _

PER_PROCESS_CACHES = (
    "django.core.cache.backends.locmem.LocMemCache",
    "django.core.cache.backends.dummy.DummyCache",
)
IN_PROCESS_TASKS = (
    "django.tasks.backends.immediate.ImmediateBackend",
    "django.tasks.backends.dummy.DummyBackend",
)


def _production():
    return bool(getattr(settings, "PRODUCTION", False))


@checks.register(checks.Tags.caches)
def cache_check(app_configs=None, **kwargs):
    if not _production():
        return []
    if settings.CACHES.get("default", {}).get("BACKEND") not in PER_PROCESS_CACHES:
        return []
    return [
        checks.Warning(
            _(
                "Bộ nhớ đệm mặc định nằm riêng trong từng tiến trình: mỗi worker đếm giới hạn "
                "và giữ dữ liệu đệm riêng."
            ),
            hint=_(
                "Đặt CACHE_URL=db (rồi chạy `danchu createcachetable`) để mọi worker dùng chung một bộ nhớ đệm."
            ),
            id="danchu.W001",
        )
    ]


@checks.register()
def tasks_check(app_configs=None, **kwargs):
    if not _production():
        return []
    if settings.TASKS.get("default", {}).get("BACKEND") not in IN_PROCESS_TASKS:
        return []
    return [
        checks.Warning(
            _("Tác vụ nền chạy ngay trong yêu cầu web (bộ chạy tác vụ trong tiến trình)."),
            hint=_("Đặt TASKS_BACKEND=django_tasks_db.DatabaseBackend và chạy `danchu db_worker`."),
            id="danchu.W002",
        )
    ]


def _bad_fernet_key(key):
    """True when `key` is no Fernet key (a urlsafe base64 encoding of 32 bytes): the test is
    Fernet's own, so the check accepts exactly what `petitions.crypto` can use."""
    from cryptography.fernet import Fernet

    try:
        Fernet(key.encode())
    except (binascii.Error, ValueError):
        return True
    return False


@checks.register(checks.Tags.security)
def encryption_key_check(app_configs=None, **kwargs):
    configured = getattr(settings, "FIELD_ENCRYPTION_KEY", "") or ""
    if isinstance(configured, bytes):
        configured = configured.decode(errors="replace")
    keys = [k.strip() for k in configured.split(",") if k.strip()]
    found = []
    for position, key in enumerate(keys, start=1):
        if _bad_fernet_key(key):
            found.append(
                checks.Error(
                    _(
                        "Khoá mã hoá danh tính FIELD_ENCRYPTION_KEY (khoá thứ %(position)d) không "
                        "hợp lệ: cần 32 byte mã hoá base64 an toàn cho URL."
                    )
                    % {"position": position},
                    hint=_(
                        "Tạo khoá bằng: python -c 'import base64,os;"
                        "print(base64.urlsafe_b64encode(os.urandom(32)).decode())'. "
                        "Khi xoay khoá, các khoá cách nhau bằng dấu phẩy, khoá mới đứng đầu."
                    ),
                    id="danchu.E001",
                )
            )
    return found


@checks.register(checks.Tags.security)
def debug_check(app_configs=None, **kwargs):
    if not (_production() and settings.DEBUG):
        return []
    return [
        checks.Error(
            _("DEBUG đang bật trên máy chủ thật: trang lỗi sẽ lộ cấu hình và dữ liệu."),
            hint=_("Bỏ biến DEBUG (hoặc đặt DEBUG=0) khi DANCHU_ENV=production."),
            id="danchu.E002",
        )
    ]
