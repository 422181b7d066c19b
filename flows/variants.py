"""A/B variants of the greeting and of the call to action, as data.

Why here and not in the transport: which greeting a person sees is part of the
conversation, and the choice must be the same in Telegram, the terminal and the
tests. The file the marketing team edits (bot/config/variants.toml) is read by the bot's
configuration; this module validates its content and chooses from it.

Assignment is random (weighted, from the Random the caller passes) but sticky: the
chosen names are stored on the conversation, and :meth:`VariantBook.assign` keeps a
name that still exists, so a returning person sees the same greeting and the
report's variant split stays honest.
"""

from __future__ import annotations

import html
import random
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from flows.catalogue import DEFAULT_LANG, LANGUAGES

SLOTS = ("intro", "cta")
NAME_RE = re.compile(r"[a-z0-9_]{1,32}")
# The events whose data carry the variants, so the A/B split is visible in the raw events too
# (and survives the conversation row being deleted on a privacy request).
TAGGED_KINDS = frozenset({"started", "completed"})


class VariantFileError(ValueError):
    """The variants file is malformed; raised at load so a typo never reaches a user."""


@dataclass(frozen=True)
class Variant:
    name: str
    texts: Mapping[str, str]
    weight: float = 1.0

    def text(self, lang: str) -> str:
        return self.texts.get(lang) or self.texts[DEFAULT_LANG]


@dataclass(frozen=True)
class VariantBook:
    """Every variant, global and per campaign, per slot."""

    global_: Mapping[str, tuple[Variant, ...]] = field(default_factory=dict)
    campaigns: Mapping[str, Mapping[str, tuple[Variant, ...]]] = field(default_factory=dict)

    def options(self, slot: str, campaign: str | None) -> tuple[Variant, ...]:
        """A campaign's own variants for the slot if it has any, else the global ones."""
        if campaign is not None:
            own = self.campaigns.get(campaign, {}).get(slot)
            if own:
                return own
        return self.global_.get(slot, ())

    def find(self, slot: str, name: str, campaign: str | None = None) -> Variant | None:
        """Look a stored name up where it was most likely assigned, then anywhere.

        A person keeps their variant when they come back through another campaign,
        so the name may belong to a section other than the current campaign's.
        """
        sections = [self.options(slot, campaign), self.global_.get(slot, ())]
        sections += [slots.get(slot, ()) for slots in self.campaigns.values()]
        for section in sections:
            for variant in section:
                if variant.name == name:
                    return variant
        return None

    def pick(self, slot: str, campaign: str | None, rng: random.Random) -> Variant | None:
        options = self.options(slot, campaign)
        if not options:
            return None
        return rng.choices(options, weights=[v.weight for v in options], k=1)[0]

    def assign(
        self, campaign: str | None, current: Mapping[str, str | None], rng: random.Random
    ) -> dict[str, str | None]:
        """Variant names per slot: keep the current ones that still exist, draw the rest."""
        chosen: dict[str, str | None] = {}
        for slot in SLOTS:
            name = current.get(slot)
            if name is not None and self.find(slot, name, campaign) is not None:
                chosen[slot] = name
                continue
            picked = self.pick(slot, campaign, rng)
            chosen[slot] = picked.name if picked is not None else None
        return chosen

    def text(self, slot: str, name: str | None, lang: str, campaign: str | None = None) -> str | None:
        if name is None:
            return None
        variant = self.find(slot, name, campaign)
        return variant.text(lang) if variant is not None else None

    def render(self, slot: str, name: str | None, lang: str, campaign: str | None, firm: str) -> str | None:
        """The variant's HTML with {firm} filled in (escaped), or None to fall back to the default text."""
        template = self.text(slot, name, lang, campaign)
        if template is None:
            return None
        return template.format(firm=html.escape(firm))


def parse_slots(raw: Any, where: str) -> dict[str, tuple[Variant, ...]]:
    if not isinstance(raw, dict):
        raise VariantFileError(f"{where}: expected a table of slots")
    slots: dict[str, tuple[Variant, ...]] = {}
    for slot, variants in raw.items():
        if slot not in SLOTS:
            raise VariantFileError(f"{where}: unknown slot {slot!r} (expected one of {', '.join(SLOTS)})")
        if not isinstance(variants, dict) or not variants:
            raise VariantFileError(f"{where}.{slot}: expected at least one variant table")
        slots[slot] = tuple(
            parse_variant(name, body, f"{where}.{slot}.{name}") for name, body in variants.items()
        )
    return slots


def parse_variant(name: str, body: Any, at: str) -> Variant:
    if not NAME_RE.fullmatch(name):
        raise VariantFileError(f"{at}: variant ids are 1-32 characters of a-z, 0-9, _")
    if not isinstance(body, dict):
        raise VariantFileError(f"{at}: expected a table with en/es texts")
    texts: dict[str, str] = {}
    for lang in LANGUAGES:
        value = body.get(lang)
        if not isinstance(value, str) or not value.strip():
            raise VariantFileError(f"{at}: missing the {lang!r} text")
        texts[lang] = value
    weight = body.get("weight", 1)
    if isinstance(weight, bool) or not isinstance(weight, int | float) or weight <= 0:
        raise VariantFileError(f"{at}: weight must be a positive number")
    unknown = set(body) - set(LANGUAGES) - {"weight"}
    if unknown:
        raise VariantFileError(f"{at}: unknown keys {sorted(unknown)}")
    return Variant(name=name, texts=texts, weight=float(weight))


def parse_variants(data: Mapping[str, Any]) -> VariantBook:
    """The content of a variants file (already decoded from TOML) as a validated book."""
    unknown = set(data) - {"global", "campaign"}
    if unknown:
        raise VariantFileError(f"unknown top-level tables {sorted(unknown)} (expected global, campaign)")
    global_ = parse_slots(data.get("global", {}), "global")
    campaigns_raw = data.get("campaign", {})
    if not isinstance(campaigns_raw, dict):
        raise VariantFileError("campaign: expected tables named after campaigns")
    campaigns = {name: parse_slots(body, f"campaign.{name}") for name, body in campaigns_raw.items()}
    return VariantBook(global_=global_, campaigns=campaigns)
