"""The conversation's texts: complete in Spanish, referenced ids exist, templates format."""

from __future__ import annotations

import re
import string

import pytest

from flows import catalogue
from flows.catalogue import keys, t
from flows.questions import QUESTIONS
from flows.texts.conversation import TEXTS

CONTROL_IDS = [
    "conv.btn.yes",
    "conv.btn.no",
    "conv.btn.unsure",
    "conv.btn.zero",
    "conv.btn.back",
    "conv.btn.continue",
    "conv.btn.restart",
    "conv.btn.review",
    "conv.btn.change",
    "conv.value.yes",
    "conv.value.no",
    "conv.value.unsure",
    "conv.stale",
    "conv.nothing_to_undo",
    "conv.restarted",
    "conv.unknown_command",
    "conv.changing",
    "conv.review.title",
    "conv.review.empty",
    "conv.review.footer",
    "conv.review.use_buttons",
    "conv.done.reply",
]
ERROR_IDS = [
    "conv.err.money.nonsense",
    "conv.err.money.negative",
    "conv.err.money.absurd",
    "conv.err.money.zero",
    "conv.err.penalty_exceeds",
    "conv.err.count.nonsense",
    "conv.err.count.whole",
    "conv.err.count.range",
    "conv.err.date.nonsense",
    "conv.err.date.future",
    "conv.err.date.too_old",
    "conv.err.date.invalid",
    "conv.err.yes_no",
    "conv.err.choice",
    "conv.err.choice.number",
]
SAMPLE_PARAMS = {"max": "$100,000,000", "min": 1, "balance": "$20,000", "label": "Balance", "value": "yes"}


def _fields(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


def test_every_english_key_exists_in_spanish() -> None:
    missing = set(TEXTS["en"]) - set(TEXTS["es"])
    assert not missing
    assert set(TEXTS["es"]) <= set(TEXTS["en"]), "a Spanish key with no English original is dead"


def test_the_whole_catalogue_has_every_english_key_in_every_language() -> None:
    for lang in catalogue.LANGUAGES:
        assert keys("en") <= keys(lang), f"{lang} misses {sorted(keys('en') - keys(lang))[:5]}"


def test_conversation_keys_are_prefixed() -> None:
    assert all(key.startswith("conv.") for key in TEXTS["en"])


def test_every_text_a_question_uses_exists() -> None:
    referenced = {text_id for q in QUESTIONS for text_id in q.text_ids()} | set(CONTROL_IDS) | set(ERROR_IDS)
    for lang in ("en", "es"):
        assert referenced <= set(TEXTS[lang]), sorted(referenced - set(TEXTS[lang]))


def test_every_question_has_a_hint_with_an_example() -> None:
    for q in QUESTIONS:
        assert "for example" in t(q.hint_id, "en")
        assert "por ejemplo" in t(q.hint_id, "es")


@pytest.mark.parametrize("lang", ["en", "es"])
def test_templates_format_with_their_parameters(lang: str) -> None:
    for key, template in TEXTS[lang].items():
        fields = _fields(template)
        assert fields <= set(SAMPLE_PARAMS), f"{key} uses unknown parameters {fields}"
        assert fields == _fields(TEXTS["en"][key]), f"{key}: {lang} and en take different parameters"
        rendered = t(key, lang, **{name: SAMPLE_PARAMS[name] for name in fields})
        assert "{" not in rendered and rendered.strip()


@pytest.mark.parametrize("lang", ["en", "es"])
def test_texts_use_only_telegram_html_that_is_balanced(lang: str) -> None:
    for key, template in TEXTS[lang].items():
        tags = re.findall(r"</?([a-z]+)>", template)
        assert set(tags) <= {"b", "i"}, key
        for tag in ("b", "i"):
            assert template.count(f"<{tag}>") == template.count(f"</{tag}>"), key
        assert "&" not in template.replace("&amp;", ""), key


def test_choice_labels_fit_on_a_button() -> None:
    for lang in ("en", "es"):
        for q in QUESTIONS:
            for c in q.choices:
                assert len(t(q.option_id(c.value), lang)) <= 32, (lang, q.id, c.value)


@pytest.mark.parametrize("lang", ["en", "es"])
def test_every_question_says_why_we_ask_in_one_short_line(lang: str) -> None:
    missing = [q.id for q in QUESTIONS if not TEXTS[lang].get(q.why_id, "").strip()]
    assert not missing, f"no 'why we ask' in {lang} for {missing}"
    for q in QUESTIONS:
        why = TEXTS[lang][q.why_id]
        assert "\n" not in why and len(why) <= 120, (q.id, why)
        assert why not in TEXTS[lang][q.text_id], f"{q.id}: the question already says it"


def test_the_why_line_is_shown_under_every_question() -> None:
    from flows.machine import Conversation
    from flows.types import Snapshot

    for lang in ("en", "es"):
        for q in QUESTIONS:
            (prompt,) = Conversation(Snapshot(state=q.id, lang=lang)).prompt()
            question, why = prompt.html.rsplit("\n", 1)
            assert question.endswith(t(q.text_id, lang).rsplit("\n", 1)[-1])
            assert why == f"<i>{t('conv.why', lang)} {t(q.why_id, lang)}</i>", q.id
