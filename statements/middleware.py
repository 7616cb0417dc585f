"""Hardening at the edge of every request: input limits, the Content-Security-Policy, the client's address.

- `RequestLimitsMiddleware` answers, before any view runs, a query string over
  `settings.MAX_QUERY_STRING_LENGTH` characters with **414**, a request body over
  `settings.MAX_REQUEST_BODY_BYTES` with **413**, and a NUL character in the path or the query string
  (which no address of the archive holds, and which PostgreSQL refuses in a string) with **400**: each a
  page in the site's style that says what was wrong and what the limit is.
- `ArchiveCSPMiddleware` is django-csp's middleware with one relaxation: the Django admin (and
  django-simple-history's pages in it) write a few `<style>` elements and `style=""` attributes, so under
  /admin/ only, `style-src` also allows 'unsafe-inline'. Scripts stay 'self' everywhere.
- `client_ip(request)` is the address django-axes counts failed logins against.
"""

from urllib.parse import unquote_plus

from csp.constants import UNSAFE_INLINE
from csp.middleware import CSPMiddleware
from django.conf import settings
from django.shortcuts import render
from django.urls import reverse

DEFAULT_MAX_QUERY_STRING_LENGTH = 2000
DEFAULT_MAX_REQUEST_BODY_BYTES = 3 * 1024 * 1024


def _limit(name, default):
    return getattr(settings, name, default)


def _refusal(request, status, title, message):
    return render(request, "refused.html", {"title": title, "message": message}, status=status)


class RequestLimitsMiddleware:
    """Refuse overlong query strings (414), oversized bodies (413) and NUL characters (400) up front."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        refusal = self.refusal(request)
        return refusal if refusal is not None else self.get_response(request)

    def refusal(self, request):
        query = request.META.get("QUERY_STRING", "")
        max_query = _limit("MAX_QUERY_STRING_LENGTH", DEFAULT_MAX_QUERY_STRING_LENGTH)
        if len(query) > max_query:
            return _refusal(
                request,
                414,
                "Address too long",
                f"The query string has {len(query):,} characters; the archive accepts at most "
                f"{max_query:,}. Use fewer filters at once, or shorter search words.",
            )
        if "\x00" in request.path or "\x00" in unquote_plus(query):
            return _refusal(
                request,
                400,
                "Bad request",
                "The address contains a NUL character (%00), which no address of the archive holds.",
            )
        max_body = _limit("MAX_REQUEST_BODY_BYTES", DEFAULT_MAX_REQUEST_BODY_BYTES)
        try:
            length = int(request.META.get("CONTENT_LENGTH") or 0)
        except ValueError:
            return _refusal(request, 400, "Bad request", "The request's Content-Length is not a number.")
        if length > max_body:
            return _refusal(
                request,
                413,
                "Request too large",
                f"The request carries {length / 1_048_576:.1f} MB; the archive accepts at most "
                f"{max_body / 1_048_576:.1f} MB at once. A document to ingest must be smaller.",
            )
        return None


class ArchiveCSPMiddleware(CSPMiddleware):
    """django-csp's policy everywhere; under the admin, inline styles too (see the module docstring)."""

    def get_policy_parts(self, request, response, report_only=False):
        parts = super().get_policy_parts(request, response, report_only=report_only)
        if request.path_info.startswith(reverse("admin:index")):
            parts.update = {**(parts.update or {}), "style-src": [UNSAFE_INLINE]}
        return parts


def client_ip(request):
    """The client's address for django-axes: REMOTE_ADDR, or behind a proxy (BEHIND_PROXY=1) the last
    address of X-Forwarded-For, the one the proxy itself appended (earlier ones are the client's say)."""
    if getattr(settings, "BEHIND_PROXY", False):
        forwarded = [part.strip() for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")]
        if forwarded and forwarded[-1]:
            return forwarded[-1]
    return request.META.get("REMOTE_ADDR")


def lockout_response(request, original_response=None, credentials=None):
    """django-axes' answer to a locked-out login: 429, in the site's style, saying when to try again."""
    cool_off = settings.AXES_COOLOFF_TIME
    return render(
        request,
        "429.html",
        {
            "failure_limit": settings.AXES_FAILURE_LIMIT,
            "cooloff_minutes": round(cool_off.total_seconds() / 60) if cool_off else None,
        },
        status=429,
    )
