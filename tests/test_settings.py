import os
import subprocess
import sys

from tests.conftest import REPO


def run_manage(*args, **env_overrides):
    unset = {"SECRET_KEY", "DEBUG", "DJANGO_SETTINGS_MODULE", "DJANGO_ALLOW_ASYNC_UNSAFE"}
    env = {k: v for k, v in os.environ.items() if k not in unset}
    env.update(env_overrides)
    return subprocess.run(
        [sys.executable, "manage.py", *args], cwd=REPO, env=env, capture_output=True, text=True, timeout=120
    )


def test_site_refuses_to_start_without_a_secret_key_when_debug_is_off():
    result = run_manage("check")
    assert result.returncode != 0
    assert result.stderr.strip().count("\n") == 0
    assert "SECRET_KEY must be set" in result.stderr


def test_site_starts_with_a_secret_key():
    result = run_manage("check", SECRET_KEY="x" * 50)
    assert result.returncode == 0, result.stderr


def test_static_files_get_hashed_compressed_names(tmp_path):
    result = run_manage("collectstatic", "--no-input", SECRET_KEY="x" * 50, STATIC_ROOT=str(tmp_path))
    assert result.returncode == 0, result.stderr
    assert list((tmp_path / "css").glob("archive.*.css")), "no hashed archive.css"
    assert list((tmp_path / "css").glob("archive.*.css.gz")), "no compressed archive.css"


def test_deploy_checks_report_nothing_with_production_settings():
    key = "k3y-" + "9f8e7d6c5b4a" * 5
    result = run_manage("check", "--deploy", "--fail-level", "WARNING", SECRET_KEY=key)
    assert result.returncode == 0, result.stdout + result.stderr


def test_production_responses_carry_security_headers(tmp_path):
    script = (
        "import django; django.setup();"
        "from django.core.management import call_command;"
        "call_command('migrate', verbosity=0); call_command('collectstatic', interactive=False, verbosity=0);"
        "from django.test import Client;"
        "r = Client().get('/', secure=True, HTTP_HOST='localhost');"
        "print(r.status_code, r['Strict-Transport-Security'], r['X-Content-Type-Options'],"
        " r['Referrer-Policy'], r['X-Frame-Options'], sep='|')"
    )
    env = {k: v for k, v in os.environ.items() if k not in {"DEBUG", "DJANGO_SETTINGS_MODULE"}}
    env.update(
        SECRET_KEY="x" * 50,
        DJANGO_SETTINGS_MODULE="archive.settings",
        DATABASE_URL=f"sqlite:///{tmp_path / 'db.sqlite3'}",
        STATIC_ROOT=str(tmp_path / "static"),
    )
    result = subprocess.run(
        [sys.executable, "-c", script], cwd=REPO, env=env, capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stderr
    status, hsts, nosniff, referrer, frame = result.stdout.strip().splitlines()[-1].split("|")
    assert status == "200"
    assert "max-age=31536000" in hsts
    assert (nosniff, referrer, frame) == ("nosniff", "same-origin", "DENY")


def test_error_pages_are_in_the_sites_style_and_leak_nothing(client, db):
    response = client.get("/no/such/page/")
    assert response.status_code == 404
    html = response.content.decode()
    assert "Not found" in html
    assert "Election Security Statements Archive" in html
    assert "Traceback" not in html
    assert "urlpatterns" not in html
