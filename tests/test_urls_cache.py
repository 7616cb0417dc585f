import pytest
from django.urls import reverse, set_script_prefix

from statements.urls_cache import detail_url


@pytest.mark.parametrize(
    ("name", "value"),
    [
        ("statements:quote-detail", 7),
        ("statements:article-detail", 123456),
        ("statements:official-detail", "christopher-wray"),
        ("statements:agency-detail", "fbi"),
        ("statements:outlet-detail", "ap"),
        ("statements:country-detail", "RU"),
    ],
)
def test_detail_urls_are_what_reverse_gives(name, value):
    assert detail_url(name, value) == reverse(name, args=[value])


def test_detail_urls_follow_the_script_prefix():
    try:
        set_script_prefix("/archive/")
        assert detail_url("statements:agency-detail", "fbi") == "/archive/agencies/fbi/"
        assert detail_url("statements:agency-detail", "fbi") == reverse(
            "statements:agency-detail", args=["fbi"]
        )
    finally:
        set_script_prefix("/")


def test_a_value_is_quoted_as_reverse_quotes_it():
    assert detail_url("statements:country-detail", "a b") == reverse(
        "statements:country-detail", args=["a b"]
    )
