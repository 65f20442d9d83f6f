"""Settings, from the environment only.

With no environment at all danchu runs on SQLite in ./var with DEBUG on (the demo). Production
sets DANCHU_ENV=production, SECRET_KEY, ALLOWED_HOSTS and DATABASE_URL; see docs/settings.md.
"""

import os
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured
from django.utils.csp import CSP
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent
VAR_DIR = Path(os.environ.get("DANCHU_VAR_DIR", BASE_DIR / "var"))


def env_bool(name, default=False):
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in ("1", "true", "yes", "on")


def env_list(name, default=""):
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


PRODUCTION = os.environ.get("DANCHU_ENV", "development") == "production"
DEBUG = env_bool("DEBUG", default=not PRODUCTION)

SECRET_KEY = os.environ.get("SECRET_KEY", "")
if not SECRET_KEY:
    if PRODUCTION:
        raise ImproperlyConfigured("SECRET_KEY must be set when DANCHU_ENV=production")
    SECRET_KEY = "danchu-development-only-key-never-use-in-production-0123456789"

ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "" if PRODUCTION else "127.0.0.1,localhost,[::1],testserver")

# Key for the encrypted confidential fields (denouncers' identities). A urlsafe base64 32-byte
# Fernet key; development derives one from SECRET_KEY so the demo needs no configuration.
FIELD_ENCRYPTION_KEY = os.environ.get("FIELD_ENCRYPTION_KEY", "")
SENDER_FINGERPRINT_KEY = os.environ.get("SENDER_FINGERPRINT_KEY", "")
BALLOT_KEY = os.environ.get("BALLOT_KEY", "")
LOGIN_FAILURES_PER_ACCOUNT = int(os.environ.get("LOGIN_FAILURES_PER_ACCOUNT", "5"))
LOGIN_FAILURES_PER_ADDRESS = int(os.environ.get("LOGIN_FAILURES_PER_ADDRESS", "30"))
LOGIN_WINDOW_SECONDS = int(os.environ.get("LOGIN_WINDOW_SECONDS", "900"))
REPORT_RENDER_SECONDS = float(os.environ.get("REPORT_RENDER_SECONDS", "20"))
REPORT_RENDER_MAX_CHARS = int(os.environ.get("REPORT_RENDER_MAX_CHARS", "20000000"))
if not FIELD_ENCRYPTION_KEY and PRODUCTION:
    raise ImproperlyConfigured("FIELD_ENCRYPTION_KEY must be set when DANCHU_ENV=production")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    # The database queue of django.tasks (TASKS_BACKEND=django_tasks_db.DatabaseBackend); its
    # table is harmless when tasks run in-process.
    "django_tasks_db",
    # django-ninja: the API (danchu.api); listed so its docs page uses the Swagger UI files it ships.
    "ninja",
    # danchu, registers first; reporting depends on them, never the other way round.
    "danchu.core",
    "danchu.audit",
    "danchu.orgs",
    # Low level: the registers call into it, it never imports them.
    "danchu.notifications",
    "danchu.legal",
    "danchu.documents",
    "danchu.petitions",
    "danchu.participation",
    "danchu.oversight",
    "danchu.activities",
    "danchu.reporting",
    "danchu.consolidation",
    "danchu.ingest",
    "danchu.api",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "danchu.core.middleware.LanguageMiddleware",
    "danchu.core.middleware.NulCharacterMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "danchu.core.middleware.SessionActivityMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django.middleware.csp.ContentSecurityPolicyMiddleware",
    "danchu.orgs.middleware.ActiveOrganizationMiddleware",
    "danchu.core.middleware.MethodNotAllowedPageMiddleware",
]

ROOT_URLCONF = "danchu.urls"
WSGI_APPLICATION = "danchu.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "danchu" / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "django.template.context_processors.i18n",
                "danchu.core.context_processors.navigation",
            ],
            "builtins": ["danchu.core.templatetags.vn"],
        },
    }
]

VAR_DIR.mkdir(parents=True, exist_ok=True) if not PRODUCTION else None
DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL", f"sqlite:///{VAR_DIR / 'danchu.sqlite3'}"),
        conn_max_age=int(os.environ.get("CONN_MAX_AGE", "0")),
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # WAL and a busy timeout let the web process and background work share the file.
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        {"timeout": 20, "transaction_mode": "IMMEDIATE", "init_command": "PRAGMA journal_mode=WAL;"}
    )
elif DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    # Parameters bound by the server (not quoted into the SQL by the client), and a statement a
    # connection has run DATABASE_PREPARE_THRESHOLD times is prepared: PostgreSQL then stops
    # planning the same page queries on every request, which halved its CPU per list page
    # (docs/benchmarks.md, issue 19). Prepared statements live in a connection, so they pay with
    # CONN_MAX_AGE; behind a pooler in transaction mode (PgBouncer) set the threshold to 0 (off).
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        {
            "server_side_binding": os.environ.get("DATABASE_SERVER_SIDE_BINDING", "1") != "0",
            "prepare_threshold": int(os.environ.get("DATABASE_PREPARE_THRESHOLD", "5") or 0) or None,
        }
    )
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "home"
LOGOUT_REDIRECT_URL = "login"

LANGUAGE_CODE = "vi"
LANGUAGES = [("vi", _("Tiếng Việt")), ("en", _("English"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Asia/Ho_Chi_Minh"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", BASE_DIR / "static-collected"))
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", VAR_DIR / "media"))
MEDIA_URL = "/media/"  # never served directly: attachments go through permission-checked views
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"
        if PRODUCTION
        else "django.contrib.staticfiles.storage.StaticFilesStorage"
    },
}

if os.environ.get("S3_BUCKET"):
    # S3-compatible object storage (MinIO, Ceph, a cloud's S3) through django-storages, installed
    # apart: `pip install django-storages[s3]`. Files stay private; views stream them after checks.
    STORAGES["default"] = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": os.environ["S3_BUCKET"],
            "endpoint_url": os.environ.get("S3_ENDPOINT_URL") or None,
            "region_name": os.environ.get("S3_REGION") or None,
            "access_key": os.environ.get("S3_ACCESS_KEY_ID", ""),
            "secret_key": os.environ.get("S3_SECRET_ACCESS_KEY", ""),
            "default_acl": "private",
            "querystring_auth": True,
            "file_overwrite": False,
        },
    }

# Uploads: what danchu accepts as attachments, everywhere.
ATTACHMENT_MAX_BYTES = int(os.environ.get("ATTACHMENT_MAX_BYTES", 20 * 1024 * 1024))
DATA_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
DATA_UPLOAD_MAX_NUMBER_FILES = 20
# Django itself stops reading a request whose files go beyond what any form accepts (a few
# attachments of ATTACHMENT_MAX_BYTES), before the view runs (core/uploads.py).
UPLOAD_MAX_REQUEST_BYTES = int(os.environ.get("UPLOAD_MAX_REQUEST_BYTES", 6 * ATTACHMENT_MAX_BYTES))
FILE_UPLOAD_HANDLERS = [
    "danchu.core.uploads.BoundedUploadHandler",
    "django.core.files.uploadhandler.MemoryFileUploadHandler",
    "django.core.files.uploadhandler.TemporaryFileUploadHandler",
]

MAILERS = {
    "default": {
        "BACKEND": os.environ.get(
            "EMAIL_BACKEND",
            "django.core.mail.backends.smtp.EmailBackend"
            if PRODUCTION
            else "django.core.mail.backends.console.EmailBackend",
        ),
        "OPTIONS": {"host": os.environ["EMAIL_HOST"]} if os.environ.get("EMAIL_HOST") else {},
    }
}
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "danchu@localhost")

# Background work. Tasks run in-process by default (the demo); production sets
# TASKS_BACKEND=django_tasks_db.DatabaseBackend and runs `danchu db_worker` (docs/deployment.md).
TASKS = {
    "default": {
        "BACKEND": os.environ.get("TASKS_BACKEND", "django.tasks.backends.immediate.ImmediateBackend"),
        "QUEUES": env_list("TASKS_QUEUES", "default"),
    }
}

# Public petition form: submissions and lookups allowed per client IP and hour. The benchmark
# raises the submission limit (docs/benchmarks.md); production keeps the defaults.
PETITIONS_RATE_LIMITS = {
    "submit": int(os.environ.get("PETITIONS_SUBMIT_LIMIT", "5")),
    "lookup": int(os.environ.get("PETITIONS_LOOKUP_LIMIT", "20")),
}

CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
if os.environ.get("CACHE_URL", "").startswith("db"):
    CACHES = {
        "default": {"BACKEND": "django.core.cache.backends.db.DatabaseCache", "LOCATION": "danchu_cache"}
    }
# Rendered list pages (danchu.core.listcache), per process: their keys carry the version of the
# data, so nothing is ever shared or deleted, and they never crowd out the rate limits above.
CACHES["lists"] = {
    "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
    "LOCATION": "danchu-lists",
    "OPTIONS": {"MAX_ENTRIES": int(os.environ.get("LIST_CACHE_ENTRIES", "2000"))},
}
LIST_CACHE_SECONDS = int(os.environ.get("LIST_CACHE_SECONDS", "120"))

# Behind a reverse proxy: how many trusted proxies append to X-Forwarded-For, so the public
# form's rate limits see the citizen's address and not the proxy's (0: use REMOTE_ADDR).
PETITIONS_PROXY_COUNT = int(os.environ.get("PETITIONS_PROXY_COUNT", "0"))

# LibreOffice for PDF conversion; optional at run time.
SOFFICE_BINARY = os.environ.get("SOFFICE_BINARY", "")
# A running converter (unoserver, "host:port") that keeps LibreOffice up between conversions;
# empty: one soffice per file. When it does not answer, soffice is started for that file.
PDF_CONVERTER = os.environ.get("PDF_CONVERTER", "")

DEMO_MODE = env_bool("DANCHU_DEMO", default=not PRODUCTION)

SESSION_COOKIE_HTTPONLY = True
# A session ends after a working day without activity (docs/security.md).
SESSION_COOKIE_AGE = int(os.environ.get("SESSION_COOKIE_AGE", 8 * 3600))
# The expiry is pushed back by danchu.core.middleware.SessionActivityMiddleware at most every
# SESSION_ACTIVITY_REFRESH seconds, not on every request (which would write on every page view).
SESSION_ACTIVITY_REFRESH = int(os.environ.get("SESSION_ACTIVITY_REFRESH", 300))
# Content-Security-Policy: scripts and styles from this site only, no inline script (style
# attributes are allowed), nothing framed, forms post here only.
SECURE_CSP = {
    "default-src": [CSP.SELF],
    "script-src": [CSP.SELF],
    "style-src": [CSP.SELF, CSP.UNSAFE_INLINE],
    "img-src": [CSP.SELF, "data:"],
    "font-src": [CSP.SELF],
    "connect-src": [CSP.SELF],
    "object-src": [CSP.NONE],
    "base-uri": [CSP.SELF],
    "form-action": [CSP.SELF],
    "frame-ancestors": [CSP.NONE],
}
CSRF_COOKIE_HTTPONLY = False
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
if PRODUCTION:
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
    SECURE_HSTS_SECONDS = int(os.environ.get("SECURE_HSTS_SECONDS", 31536000))
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", True)
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "INFO")},
    "loggers": {"django.db.backends": {"level": "INFO"}},
}
