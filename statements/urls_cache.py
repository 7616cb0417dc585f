"""`detail_url(name, value)`: `reverse(name, args=[value])` for the archive's detail pages, from a
remembered pattern.

A list page links a few hundred records (each quote, its article, outlet, officials, agencies and
countries), and `reverse()` walks the resolver for each of them. The detail URLs take one argument, so
the path is reversed once per URL name, script prefix and urlconf with a placeholder, and each record's
value is quoted into it the way `reverse()` quotes it.
"""

from functools import lru_cache
from urllib.parse import quote

from django.core.signals import setting_changed
from django.dispatch import receiver
from django.urls import get_script_prefix, get_urlconf, reverse
from django.utils.http import RFC3986_SUBDELIMS

# Valid for every converter the detail URLs use (int, slug, str), and found nowhere else in a path.
PLACEHOLDER = 987654321987


@lru_cache(maxsize=64)
def _around(name, prefix, urlconf):
    path = reverse(name, args=[PLACEHOLDER], urlconf=urlconf)
    before, found, after = path.partition(str(PLACEHOLDER))
    if not found or str(PLACEHOLDER) in after:
        raise ValueError(f"{name}: not a one-argument URL")
    return before, after


def detail_url(name, value):
    before, after = _around(name, get_script_prefix(), get_urlconf())
    return before + quote(str(value), safe=RFC3986_SUBDELIMS + "/~:@") + after


@receiver(setting_changed)
def _forget_patterns(setting, **kwargs):
    if setting in {"ROOT_URLCONF", "FORCE_SCRIPT_NAME"}:
        _around.cache_clear()
