"""`python -m bot link|report|export` as an operator runs them: exit codes and output.

The main paths run as a real subprocess; the rest call bot.cli.main() in-process,
because each subprocess pays aiogram's import time.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from bot.cli import main
from bot.db.migrate import upgrade

ROOT = Path(__file__).resolve().parents[2]
FBCLID = "IwAR" + "x1Y2z3-_" * 20


@pytest.fixture(scope="module")
def db_url(tmp_path_factory: pytest.TempPathFactory) -> str:
    url = f"sqlite+aiosqlite:///{tmp_path_factory.mktemp('cli') / 'bot.db'}"
    upgrade(url)
    return url


def run(
    *args: str, db_url: str = "sqlite+aiosqlite:///./data/never.db", **env: str
) -> subprocess.CompletedProcess[str]:
    # A clean environment: a developer's .env or BOT_USERNAME must not change the outcome.
    base = {k: v for k, v in os.environ.items() if not k.startswith(("BOT_", "DATABASE_", "VARIANTS_"))}
    return subprocess.run(
        [sys.executable, "-m", "bot", *args],
        cwd=ROOT / "tests",  # no .env here
        env={**base, "DATABASE_URL": db_url, "PYTHONPATH": str(ROOT), **env},
        capture_output=True,
        text=True,
        timeout=60,
    )


def run_here(
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    tmp_path: Path,
    *args: str,
    **env: str,
) -> tuple[int, str, str]:
    monkeypatch.chdir(tmp_path)  # no .env here
    for name in ("BOT_USERNAME", "DATABASE_URL", "VARIANTS_FILE"):
        monkeypatch.delenv(name, raising=False)
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_a_plain_campaign_link() -> None:
    result = run("link", "--campaign", "spring_fb", "--bot-username", "IrsHelpBot")
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "https://t.me/IrsHelpBot?start=spring_fb"


def test_the_bot_username_can_come_from_the_settings() -> None:
    result = run("link", "--campaign", "x" * 64, BOT_USERNAME="IrsHelpBot")
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "https://t.me/IrsHelpBot?start=" + "x" * 64


@pytest.mark.parametrize(
    ("campaign", "reason"),
    [
        ("x" * 65, "65 characters; Telegram allows at most 64"),
        ("spring sale!", "allows only A-Z a-z 0-9 _ -"),
    ],
)
def test_what_would_not_fit_is_refused_with_exit_2(campaign: str, reason: str) -> None:
    result = run("link", "--campaign", campaign, "--bot-username", "IrsHelpBot")
    assert result.returncode == 2
    assert result.stdout == ""
    assert "refused" in result.stderr and reason in result.stderr


def test_without_a_bot_username_it_says_how_to_give_one() -> None:
    result = run("link", "--campaign", "spring")
    assert result.returncode == 2
    assert "--bot-username" in result.stderr and "BOT_USERNAME" in result.stderr


def test_utm_fields_and_a_long_click_id_are_stored_under_a_token(db_url: str) -> None:
    result = run(
        "link", "--utm-source", "facebook", "--utm-medium", "cpc", "--utm-campaign", "spring",
        "--click-id", FBCLID, "--bot-username", "IrsHelpBot", db_url=db_url,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    link = result.stdout.strip()
    payload = link.removeprefix("https://t.me/IrsHelpBot?start=")
    assert payload.startswith("t_") and len(payload) == 12
    assert f"<{len(FBCLID)} chars>" in result.stderr and "'spring'" in result.stderr

    import sqlite3

    path = db_url.removeprefix("sqlite+aiosqlite:///")
    with sqlite3.connect(path) as conn:
        row = conn.execute(
            "SELECT utm_source, utm_medium, utm_campaign, click_id FROM link_tokens WHERE token = ?",
            (payload,),
        ).fetchone()
    assert row == ("facebook", "cpc", "spring", FBCLID)


def test_report_and_export_run_on_an_empty_database(db_url: str, tmp_path: Path) -> None:
    report = run(
        "report", "--since", "2026-11-01", "--until", "2026-11-30", "--by", "campaign", db_url=db_url
    )
    assert report.returncode == 0, report.stderr
    assert "Report 2026-11-01 – 2026-11-30" in report.stdout  # whole days, the last one included
    assert "No conversations in this period." in report.stdout
    out = tmp_path / "leads.csv"
    export = run("export", "--out", str(out), db_url=db_url)
    assert export.returncode == 0, export.stderr
    assert out.read_text().startswith("at,conversation_id,lang,source_first")


def test_report_on_a_database_that_was_never_migrated_exits_2(tmp_path: Path) -> None:
    result = run("report", db_url=f"sqlite+aiosqlite:///{tmp_path / 'empty.db'}")
    assert result.returncode == 2
    assert "python -m bot migrate" in result.stderr
