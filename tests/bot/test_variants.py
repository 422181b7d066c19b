"""A/B variants: one data file, campaign overrides, random but sticky assignment."""

from __future__ import annotations

import random
from collections import Counter
from pathlib import Path

import pytest

from bot.config.variants import DEFAULT_FILE, load_variants
from flows.variants import SLOTS, VariantFileError, parse_variants

BOOK = parse_variants(
    {
        "global": {
            "intro": {"a": {"en": "Hi A", "es": "Hola A"}, "b": {"en": "Hi B", "es": "Hola B"}},
            "cta": {
                "x": {"en": "Call X", "es": "Llame X"},
                "y": {"en": "Call Y", "es": "Llame Y", "weight": 3},
            },
        },
        "campaign": {
            "levy": {"intro": {"urgent": {"en": "Stop the levy", "es": "Detenga el embargo"}}},
        },
    }
)


def test_the_shipped_file_is_valid_and_has_both_languages() -> None:
    book = load_variants(DEFAULT_FILE)
    for slot in SLOTS:
        options = book.options(slot, None)
        assert len(options) >= 2, f"no A/B test configured for {slot}"
        for variant in options:
            assert variant.texts["en"] and variant.texts["es"]


def test_a_campaign_section_overrides_the_global_one_per_slot() -> None:
    assert [v.name for v in BOOK.options("intro", "levy")] == ["urgent"]
    # The campaign defines no cta, so the global ones apply.
    assert [v.name for v in BOOK.options("cta", "levy")] == ["x", "y"]
    assert [v.name for v in BOOK.options("intro", "other")] == ["a", "b"]
    assert [v.name for v in BOOK.options("intro", None)] == ["a", "b"]


def test_assignment_is_sticky_for_a_returning_person() -> None:
    rng = random.Random(42)
    first = BOOK.assign("spring", {}, rng)
    for _ in range(20):
        assert BOOK.assign("spring", first, rng) == first
    # Coming back through another campaign keeps the greeting they already saw.
    assert BOOK.assign("levy", first, rng) == first


def test_assignment_is_distributed_and_follows_weights() -> None:
    rng = random.Random(2026)
    intro = Counter()
    cta = Counter()
    for _ in range(4000):
        chosen = BOOK.assign(None, {}, rng)
        intro[chosen["intro"]] += 1
        cta[chosen["cta"]] += 1
    assert 1800 < intro["a"] < 2200 and intro["a"] + intro["b"] == 4000
    assert 900 < cta["x"] < 1100  # weight 1 of 4


def test_a_seeded_rng_gives_the_same_assignment() -> None:
    assert BOOK.assign(None, {}, random.Random(5)) == BOOK.assign(None, {}, random.Random(5))


def test_a_removed_variant_is_reassigned() -> None:
    chosen = BOOK.assign(None, {"intro": "gone", "cta": "x"}, random.Random(0))
    assert chosen["intro"] in {"a", "b"} and chosen["cta"] == "x"


def test_texts_by_language_with_english_fallback() -> None:
    assert BOOK.text("intro", "urgent", "es", "levy") == "Detenga el embargo"
    assert BOOK.text("intro", "a", "fr") == "Hi A"
    assert BOOK.text("intro", None, "en") is None
    assert BOOK.text("intro", "missing", "en") is None


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"global": {"intro": {"a": {"en": "Hi"}}}}, "missing the 'es' text"),
        ({"global": {"outro": {"a": {"en": "Hi", "es": "Hola"}}}}, "unknown slot 'outro'"),
        ({"global": {"intro": {"A!": {"en": "Hi", "es": "Hola"}}}}, "variant ids"),
        ({"global": {"intro": {"a": {"en": "Hi", "es": "Hola", "weight": 0}}}}, "weight"),
        ({"campaigns": {}}, "unknown top-level"),
    ],
)
def test_mistakes_in_the_file_are_caught_at_load(data: dict[str, object], message: str) -> None:
    with pytest.raises(VariantFileError, match=message):
        parse_variants(data)


def test_the_file_is_reread_when_it_changes(tmp_path: Path) -> None:
    file = tmp_path / "v.toml"
    file.write_text('[global.intro.a]\nen = "one"\nes = "uno"\n')
    assert load_variants(file).text("intro", "a", "en") == "one"
    file.write_text('[global.intro.a]\nen = "two, longer"\nes = "dos"\n')
    assert load_variants(file).text("intro", "a", "en") == "two, longer"


def test_a_missing_file_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(VariantFileError, match="not found"):
        load_variants(tmp_path / "nope.toml")


def test_every_shipped_variant_is_valid_telegram_html() -> None:
    from tests.fakes.tg_html import parse_html

    book = load_variants(DEFAULT_FILE)
    sections = [book.global_] + list(book.campaigns.values())
    for section in sections:
        for slot, options in section.items():
            for variant in options:
                for lang in ("en", "es"):
                    html = book.render(slot, variant.name, lang, None, "A&B <Tax>")
                    assert html is not None
                    parse_html(html)  # raises on markup Telegram would reject
                    assert "A&amp;B &lt;Tax&gt;" in html or "{firm}" not in variant.texts[lang]
