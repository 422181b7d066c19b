"""The texts: complete in every language with every plural form, referenced ids exist, templates format,
and the wording is the same for everyone (no "Soltero(a)", no "2 año(s)")."""

from __future__ import annotations

import io
import re
import string

import pytest
from babel.messages.pofile import read_po

from flows import catalogue
from flows.catalogue import keys, plural_keys, t, templates
from flows.questions import QUESTIONS

# The conversation's own texts (the questions, their hints and errors), by language, as written.
TEXTS = {lang: {k: v[0] for k, v in templates(lang, "conversation").items()} for lang in catalogue.LANGUAGES}

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
        assert keys(lang) <= keys("en"), (
            f"{lang} has texts English does not: {sorted(keys(lang) - keys('en'))}"
        )


def test_a_missing_translation_fails_here_and_falls_back_to_english_for_the_person(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    texts = catalogue._load("es")  # noqa: SLF001 - the loaded catalogue, to remove one text from it
    monkeypatch.setattr(texts, "keys", texts.keys - {"conv.why"})
    assert "conv.why" not in keys("es")  # what the test above would report
    assert t("conv.why", "es") == t("conv.why", "en")


@pytest.mark.parametrize("lang", catalogue.LANGUAGES)
def test_the_po_files_are_clean_gettext(lang: str) -> None:
    """Every file parses with Babel, has the language's Plural-Forms, and nothing fuzzy or obsolete."""
    for area, data in catalogue.po_files(lang):
        parsed = read_po(io.BytesIO(data), locale=lang)
        assert parsed.locale is not None and str(parsed.locale) == lang, area
        assert not parsed.obsolete, f"{lang}/{area}.po keeps obsolete entries"
        fuzzy = [m.id for m in parsed if m.id and m.fuzzy]
        assert not fuzzy, f"{lang}/{area}.po has fuzzy entries {fuzzy[:3]}"


@pytest.mark.parametrize("lang", catalogue.LANGUAGES)
def test_plural_texts_have_every_form_of_the_language_and_count_what_they_say(lang: str) -> None:
    from babel import Locale

    forms_wanted = Locale.parse(lang).plural_form.rules  # CLDR categories besides "other"
    counted = plural_keys(lang)
    assert set(counted) == set(plural_keys("en")), "a text is plural in one language only"
    assert {"plan.days", "reminder.questions", "reminder.minutes", "plan.reason.file_returns_years"} <= set(
        counted
    )
    for key, count in counted.items():
        forms = templates(lang)[key]
        assert len(forms) == len(forms_wanted) + 1, (key, forms)
        for form in forms:
            assert count in _fields(form), f"{key} ({lang}): a form without its count {{{count}}}: {form!r}"


def test_plurals_read_as_a_person_says_them() -> None:
    assert t("plan.days", "en", days=1) == "1 day left"
    assert t("plan.days", "en", days=2) == "2 days left"
    assert t("plan.days", "es", days=1) == "queda 1 día"
    assert t("plan.days", "es", days=21) == "quedan 21 días"
    assert t("reminder.questions", "es", n=1) == "1 pregunta"
    assert t("reminder.questions", "es", n=0) == "0 preguntas"
    assert t("plan.reason.file_returns_years", "en", years="1").startswith("You have 1 year of returns")
    assert t("plan.reason.file_returns_years", "es", years="3").startswith("Tiene 3 años de declaraciones")
    with pytest.raises(KeyError):
        t("plan.days", "en")  # a plural text without its count is a programming error


def _all_forms(lang: str) -> list[tuple[str, str]]:
    return [(key, form) for key, forms in templates(lang).items() for form in forms]


@pytest.mark.parametrize("lang", catalogue.LANGUAGES)
def test_every_text_takes_the_same_placeholders_as_english(lang: str) -> None:
    english = templates("en")
    for key, forms in templates(lang).items():
        wanted = set().union(*(_fields(f) for f in english[key]))
        for form in forms:
            assert _fields(form) <= wanted, (
                f"{key} ({lang}) uses {_fields(form) - wanted}, which English never gets"
            )
        assert set().union(*(_fields(f) for f in forms)) == wanted, f"{key} ({lang}) drops a placeholder"


# Spanish forms that assume the reader is a man, or hedge with "(a)" / "(s)" instead of a real plural.
GENDERED = re.compile(
    r"\((?:a|as|os|s|es)\)|\b(?:bienvenido|soltero|casado|viudo|divorciado|jubilado|estoy seguro|"
    r"está seguro|liberado|interesado|preocupado|obligado)s?\b",
    re.IGNORECASE,
)


@pytest.mark.parametrize("lang", catalogue.LANGUAGES)
def test_wording_is_the_same_for_everyone(lang: str) -> None:
    found = [(key, m.group(0)) for key, form in _all_forms(lang) for m in GENDERED.finditer(form)]
    assert not found, found


def test_conversation_keys_are_prefixed() -> None:
    assert TEXTS["en"], "the conversation area is empty: is flows/locales installed with the package?"
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
