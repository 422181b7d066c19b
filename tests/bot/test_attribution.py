"""Campaign links: what fits in Telegram's start payload, and what goes under a token."""

from __future__ import annotations

import random

import pytest

from bot.features.attribution import (
    PAYLOAD_MAX,
    LinkError,
    LinkFields,
    build_link,
    clean_payload,
    new_token,
    plan_payload,
    validate_campaign,
    validate_payload,
)

FBCLID = "IwAR" + "x1Y2z3-_" * 20  # real fbclids are often over 100 characters


def test_a_64_character_campaign_is_a_link() -> None:
    campaign = "a" * PAYLOAD_MAX
    assert build_link("IrsHelpBot", campaign) == f"https://t.me/IrsHelpBot?start={campaign}"


def test_a_65_character_campaign_is_refused_with_the_reason() -> None:
    with pytest.raises(LinkError, match="65 characters.*at most 64"):
        validate_campaign("a" * 65)


@pytest.mark.parametrize("bad", ["spring sale", "fb+ig", "año", "a.b", "x/y", "q=1"])
def test_characters_telegram_would_drop_are_refused(bad: str) -> None:
    with pytest.raises(LinkError, match="allows only A-Z a-z 0-9 _ -"):
        validate_payload(bad)


def test_the_token_prefix_is_reserved() -> None:
    with pytest.raises(LinkError, match="must not start with 't_'"):
        validate_campaign("t_spring")


def test_a_plain_campaign_needs_no_token() -> None:
    assert plan_payload(LinkFields(campaign="spring_fb")) == ("spring_fb", False)


def test_a_long_click_id_goes_under_a_short_token() -> None:
    fields = LinkFields(utm_source="facebook", utm_campaign="spring", click_id=FBCLID)
    assert len(FBCLID) > 100
    payload, is_token = plan_payload(fields, random.Random(7))
    assert is_token
    assert payload.startswith("t_") and len(payload) == 12
    validate_payload(payload)  # the token itself is a valid payload
    assert fields.source() == "spring"


def test_tokens_are_deterministic_with_a_seed_and_differ_between_draws() -> None:
    rng_a, rng_b = random.Random(1), random.Random(1)
    assert new_token(rng_a) == new_token(rng_b)
    assert new_token(rng_a) != new_token(rng_a)
    assert validate_payload(new_token())  # the secrets-based default is valid too


def test_utm_campaign_longer_than_a_source_is_refused() -> None:
    with pytest.raises(LinkError, match="--utm-campaign is 65 characters"):
        plan_payload(LinkFields(utm_campaign="c" * 65))


def test_nothing_to_link_is_refused() -> None:
    with pytest.raises(LinkError, match="give --campaign"):
        plan_payload(LinkFields())


@pytest.mark.parametrize("name", [None, "", "ab", "bad name", "1startsWithDigit"])
def test_the_bot_username_must_be_a_telegram_username(name: str | None) -> None:
    with pytest.raises(LinkError):
        build_link(name, "spring")  # type: ignore[arg-type]


def test_a_leading_at_in_the_username_is_accepted() -> None:
    assert build_link("@IrsHelpBot", "x") == "https://t.me/IrsHelpBot?start=x"


def test_typed_payloads_that_no_link_could_carry_are_ignored_never_rejected() -> None:
    assert clean_payload("  spring_fb  ") == "spring_fb"
    assert clean_payload("hello there") is None
    assert clean_payload("z" * 65) is None
    assert clean_payload("   ") is None
    assert clean_payload(None) is None
