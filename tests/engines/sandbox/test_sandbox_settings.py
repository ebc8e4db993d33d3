"""HIREKIT_SANDBOX_* settings become the sandbox's limits (no sandbox needed)."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from hirekit.engines.sandbox import Limits
from hirekit.engines.sandbox.settings import SettingError, read_settings
from hirekit.takehomes.sandbox_cli import takehome_group


def test_unset_settings_keep_the_defaults():
    settings = read_settings({})
    assert settings.limits == Limits()
    assert (settings.cache_dir, settings.python) == (None, None)


def test_settings_are_read_with_their_units(tmp_path):
    settings = read_settings(
        {
            "HIREKIT_SANDBOX_MEMORY_MB": "256",
            "HIREKIT_SANDBOX_TIMEOUT_SECONDS": "7.5",
            "HIREKIT_SANDBOX_OUTPUT_KB": "16",
            "HIREKIT_SANDBOX_PROCESSES": "10",
            "HIREKIT_SANDBOX_VENV_CACHE": str(tmp_path),
        }
    )
    assert settings.limits.memory_bytes == 256 * 1024 * 1024
    assert settings.limits.wall_seconds == 7.5
    assert settings.limits.output_bytes == 16 * 1024
    assert settings.limits.processes == 10
    assert settings.limits.cpu_seconds == Limits().cpu_seconds
    assert settings.cache_dir == tmp_path


@pytest.mark.parametrize("value", ["lots", "-1", "0"])
def test_bad_settings_are_refused_with_their_name(value):
    with pytest.raises(SettingError, match="HIREKIT_SANDBOX_PROCESSES"):
        read_settings({"HIREKIT_SANDBOX_PROCESSES": value})


def test_cli_refuses_a_bad_setting_with_exit_2(tmp_path, monkeypatch):
    monkeypatch.setenv("HIREKIT_SANDBOX_MEMORY_MB", "plenty")
    result = CliRunner().invoke(takehome_group, ["run", str(tmp_path)])
    assert result.exit_code == 2
    assert "HIREKIT_SANDBOX_MEMORY_MB" in result.output


def test_the_bwrap_binary_can_be_named_and_a_missing_one_is_explained(tmp_path):
    from hirekit.engines.sandbox import run_tests
    from hirekit.engines.sandbox.bwrap import probe

    assert read_settings({}).bwrap is None
    missing = str(tmp_path / "no-bwrap")
    assert read_settings({"HIREKIT_SANDBOX_BWRAP": missing}).bwrap == missing
    assert probe(Limits().sandbox_uid, missing) == f"bubblewrap (bwrap) not found at {missing}"
    (tmp_path / "test_x.py").write_text("def test_x():\n    pass\n")
    refused = run_tests(tmp_path, None, None, bwrap_tool=missing).refused
    assert refused == {
        "code": "sandbox-unavailable",
        "message": f"bubblewrap (bwrap) not found at {missing}",
    }
