"""Settings for the Election Security Statements Archive, read from the environment.

DATABASE_URL  database (default: SQLite file db.sqlite3 beside manage.py)
SECRET_KEY    required when DEBUG is off
DEBUG         "1"/"true"/"yes"/"on" turns debug on (default off)
ALLOWED_HOSTS comma-separated host names (default: localhost names)
"""

import os
import sys
from datetime import timedelta
from pathlib import Path

import dj_database_url

BASE_DIR = Path(__file__).resolve().parent.parent


def env_flag(name, default=False):
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


DEBUG = env_flag("DEBUG")
# Behind a reverse proxy that sets X-Forwarded-Proto and appends to X-Forwarded-For.
BEHIND_PROXY = env_flag("BEHIND_PROXY")
SECRET_KEY = os.environ.get("SECRET_KEY", "")
if not SECRET_KEY:
    if not DEBUG:
        # A one-line refusal beats a traceback: production must never run on a guessable key.
        sys.exit("archive: SECRET_KEY must be set when DEBUG is off (export SECRET_KEY=... or DEBUG=1).")
    SECRET_KEY = "insecure-development-key-debug-only"

ALLOWED_HOSTS = [
    host.strip()
    for host in os.environ.get("ALLOWED_HOSTS", "localhost,127.0.0.1,[::1]").split(",")
    if host.strip()
]

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django_filters",
    "simple_history",
    "csp",
    # Locks out a client or an account after repeated failed logins (admin included).
    "axes",
    "statements",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    # Content-Security-Policy on every page (relaxed for inline styles under /admin/ only).
    "statements.middleware.ArchiveCSPMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Overlong query strings (414), oversized bodies (413) and NUL characters (400), before any view.
    "statements.middleware.RequestLimitsMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    # Attributes history rows made during a request (inlines, ingest from the admin) to its user.
    "simple_history.middleware.HistoryRequestMiddleware",
    # Must come last: refuses a locked-out client's logins.
    "axes.middleware.AxesMiddleware",
]

AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]

ROOT_URLCONF = "archive.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

WSGI_APPLICATION = "archive.wsgi.application"

DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=int(os.environ.get("CONN_MAX_AGE", "60")),
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    # A large table's scan starts where another scan is (synchronize_seqscans), so an unsorted LIMIT (a
    # quote's same-words candidates) would give other rows at each visit; read every table from its start.
    DATABASES["default"].setdefault("OPTIONS", {}).setdefault("options", "-c synchronize_seqscans=off")

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "en-us"
TIME_ZONE = "UTC"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", BASE_DIR / "staticfiles"))
STATICFILES_DIRS = [BASE_DIR / "static"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}

FIXTURE_DIRS = [BASE_DIR / "fixtures"]

# Where the source documents of the seed archive live, and the curation file applied to them.
DOCUMENTS_DIR = BASE_DIR / "fixtures" / "documents"
CURATION_FILE = BASE_DIR / "fixtures" / "curation.json"
ARCHIVE_FIXTURE = BASE_DIR / "fixtures" / "archive.json"

# Production hardening: on whenever DEBUG is off; each can be relaxed from the environment
# (e.g. SECURE_SSL_REDIRECT=0 behind a proxy that already redirects).
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_HTTPONLY = True
if not DEBUG:
    SECURE_SSL_REDIRECT = env_flag("SECURE_SSL_REDIRECT", True)
    SECURE_HSTS_SECONDS = int(os.environ.get("SECURE_HSTS_SECONDS", 60 * 60 * 24 * 365))
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = True
    SESSION_COOKIE_SECURE = env_flag("SECURE_COOKIES", True)
    CSRF_COOKIE_SECURE = env_flag("SECURE_COOKIES", True)
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https") if BEHIND_PROXY else None

# Content-Security-Policy (django-csp): nothing inline, nothing from elsewhere. Pages use one stylesheet
# and no script; the timeline is SVG markup whose colours are presentation attributes.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "object-src": ["'none'"],
        "base-uri": ["'none'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
    }
}

# Input limits: a query string over 2,000 characters answers 414 and a body over 3 MB answers 413
# (statements.middleware); form fields and uploads in memory stay under Django's own limits.
MAX_QUERY_STRING_LENGTH = 2000
MAX_REQUEST_BODY_BYTES = 3 * 1024 * 1024
DATA_UPLOAD_MAX_MEMORY_SIZE = 2_621_440
DATA_UPLOAD_MAX_NUMBER_FIELDS = 1000
FILE_UPLOAD_MAX_MEMORY_SIZE = 2_621_440

# Password guessing (django-axes): 5 failed logins from one address, or against one account, lock it
# for 15 minutes (`manage.py axes_reset` lifts every lock). Behind a proxy, BEHIND_PROXY=1 counts the
# address the proxy appends to X-Forwarded-For.
AXES_FAILURE_LIMIT = 5
AXES_COOLOFF_TIME = timedelta(minutes=15)
AXES_LOCKOUT_PARAMETERS = ["ip_address", "username"]
AXES_RESET_ON_SUCCESS = True
AXES_CLIENT_IP_CALLABLE = "statements.middleware.client_ip"
AXES_LOCKOUT_CALLABLE = "statements.middleware.lockout_response"
AXES_VERBOSE = False

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "WARNING")},
}
