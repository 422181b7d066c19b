"""The time the texts promise is the time the main paths take (bench/lengths.py), and nothing else.

Fails when a path gets longer or shorter than the promise says, or a text promises another
figure: change the texts with the measurement, never one without the other.
"""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

import pytest

from bench import lengths
from flows.catalogue import templates

VARIANTS = tomllib.loads((Path(__file__).parents[2] / "bot/config/variants.toml").read_text("utf-8"))
# Any figure of minutes in a text: "2 to 9 minutes", "de 2 a 9 minutos", "about 3 minutes".
MINUTES = re.compile(r"(\d+)(?:\s+(?:to|a)\s+(\d+))?\s+minut", re.IGNORECASE)
RANGE = {"en": "{low} to {high} minutes", "es": "{low} a {high} minutos"}


def intros() -> list[tuple[str, str, str]]:
    out = []
    for scope in ("global",):
        for variant, texts in VARIANTS[scope]["intro"].items():
            out += [(f"{scope}.intro.{variant}", lang, texts[lang]) for lang in ("en", "es")]
    for campaign, slots in VARIANTS.get("campaign", {}).items():
        for variant, texts in slots.get("intro", {}).items():
            out += [(f"campaign.{campaign}.intro.{variant}", lang, texts[lang]) for lang in ("en", "es")]
    return out


def catalogue() -> list[tuple[str, str, str]]:
    """The texts that speak of the screening's length (the greeting, the description, the help)."""
    return [
        (key, lang, form)
        for lang in ("en", "es")
        for key, forms in templates(lang, "bot").items()
        for form in forms
    ]


def test_every_main_path_reaches_the_plan_it_is_named_after() -> None:
    for path in lengths.MAIN_PATHS:
        walked = lengths.walk(path)
        assert walked.first == path.first, (path.name, walked.first)
        assert len(walked.questions) == len(path.replies), path.name  # one question per reply, none left over


def test_the_main_paths_ask_what_they_ask() -> None:
    """The yardstick for the closing note: a change that lengthens a main path shows here first."""
    counts = [len(lengths.walk(p).questions) for p in lengths.MAIN_PATHS]
    assert counts == [8, 14, 9, 16, 33]
    # 30 before the financial block waited on filing.
    assert len(lengths.walk(lengths.UNFILED).questions) == 15


@pytest.mark.parametrize(("where", "lang", "text"), intros() + catalogue(), ids=lambda x: str(x)[:40])
def test_a_promised_time_is_the_measured_range(where: str, lang: str, text: str) -> None:
    low, high = lengths.promise()
    for match in MINUTES.finditer(text):
        assert match.groups() == (str(low), str(high)), f"{where} ({lang}) promises {match.group(0)!r}"


def test_the_greeting_the_description_and_the_timed_intros_say_it() -> None:
    low, high = lengths.promise()
    for lang in ("en", "es"):
        promise = RANGE[lang].format(low=low, high=high)
        for key in ("bot.greeting", "bot.short_description"):
            assert promise in templates(lang, "bot")[key][0], (key, lang)
    timed = [(w, lang) for w, lang, text in intros() if MINUTES.search(text)]
    assert len(timed) >= 4, "the direct and the levy intros promise a time in both languages"


def test_the_promise_spans_the_shortest_and_the_longest_main_path() -> None:
    walked = [lengths.walk(p) for p in lengths.MAIN_PATHS]
    low, high = lengths.promise()
    assert (low - 1) * 60 < min(w.seconds for w in walked) <= low * 60
    assert (high - 1) * 60 < max(w.seconds for w in walked) <= high * 60
