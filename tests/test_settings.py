import os
import subprocess
import sys

from tests.conftest import REPO


def run_manage(*args, **env_overrides):
    env = {k: v for k, v in os.environ.items() if k not in {"SECRET_KEY", "DEBUG", "DJANGO_SETTINGS_MODULE"}}
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
