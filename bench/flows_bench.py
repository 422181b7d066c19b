"""How long the brain takes: one assessment and one conversation step.

Run: `make bench-flows` (or `.venv/bin/python -m bench.flows_bench`).

Absolute times on a shared machine are noisy, so each figure is also printed as
a ratio to a baseline measured in the same run: a JSON round trip of the stored
Snapshot, which every step pays anyway when the bot loads and saves the row.
The goal for issue 2 is under 1 ms for each operation on this machine.
"""

from __future__ import annotations

import argparse
import statistics
import time
from collections.abc import Callable
from datetime import date
from decimal import Decimal

from flows import engine
from flows.answers import (
    Answers,
    DebtScope,
    FilingStatus,
    Hardship,
    Letter,
    ReasonableCause,
    Residence,
    TaxpayerKind,
)
from flows.assessment import assess
from flows.render import render_plan
from flows.types import InputKind, Snapshot, UserInput

TODAY = date(2026, 11, 25)

# The heaviest path: every financial question answered, an offer, a deadline.
FULL = Answers(
    balance=Decimal(80000), debt_scope=DebtScope.FEDERAL, taxpayer_kind=TaxpayerKind.PERSONAL,
    filing_status=FilingStatus.MARRIED_JOINT, all_returns_filed=True, current_year_compliant=True,
    in_bankruptcy=False, latest_letter=Letter.FINAL_NOTICE, letter_date=date(2026, 11, 10),
    levy_started=False, disputes_amount=False, penalty_amount=Decimal(12000), prior_penalties=False,
    reasonable_cause=ReasonableCause.NONE, can_pay_in_180_days=False, monthly_payment=Decimal(400),
    residence=Residence.CONTIGUOUS, household_size=3, members_65_plus=1, monthly_income=Decimal(5200),
    expense_taxes=Decimal(650), expense_housing=Decimal(1900), vehicle_count=1, vehicle_payment=Decimal(250),
    expense_transport=Decimal(350), health_insurance=Decimal(200), expense_health=Decimal(100),
    expense_court_ordered=Decimal(0), expense_other=Decimal(150), asset_cash=Decimal(2500),
    home_value=Decimal(210000), home_loan=Decimal(190000), vehicle_value=Decimal(12000),
    vehicle_loan=Decimal(6000), retirement_value=Decimal(8000), other_assets_value=Decimal(0),
    earliest_year=2021, hardship=Hardship.NONE, spouse_caused_debt=False, combat_zone=False,
)

# A screening that reaches the end of the financial block: the step that answers the last asset question
# judges every relevance predicate, the full-pay arithmetic behind the tax-year question included.
FINANCIAL_PATH = [
    "1", "80000", "1", "yes", "1", "no", "0", "no", "yes", "no", "100", "6", "1", "no",
    "1", "3", "1", "5200", "650", "1900", "1", "250", "350", "200", "100", "0", "150",
    "2500", "210000", "190000", "12000", "6000", "8000",
]  # fmt: skip


def _mid_conversation() -> Snapshot:
    """A snapshot a few questions in, asking for the balance (a money question, the costliest parse)."""
    result = engine.start("en")
    snap = result.snapshot
    snap = engine.handle(snap, UserInput(InputKind.TEXT, "1"), TODAY).snapshot
    if not snap.state:
        raise RuntimeError("engine did not move")
    return snap


def _financial_block_end() -> Snapshot:
    """A snapshot at the last asset question (other assets), every financial answer given."""
    snap = engine.start("en").snapshot
    for reply in FINANCIAL_PATH:
        result = engine.handle(snap, UserInput(InputKind.TEXT, reply), TODAY)
        if not result.accepted:
            raise RuntimeError(f"{snap.state}: {reply!r} refused")
        snap = result.snapshot
    if snap.state != "other_assets":
        raise RuntimeError(f"expected other_assets, at {snap.state}")
    return snap


def _per_call_us(fn: Callable[[], object], number: int, repeat: int) -> float:
    """Median over `repeat` runs of the mean time per call, in microseconds."""
    runs = []
    for _ in range(repeat):
        started = time.perf_counter_ns()
        for _ in range(number):
            fn()
        runs.append((time.perf_counter_ns() - started) / number / 1000)
    return statistics.median(runs)


def _roundtrip(stored: str) -> Callable[[], object]:
    return lambda: Snapshot.model_validate_json(stored).model_dump_json()


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--number", type=int, default=2000, help="calls per run")
    parser.add_argument("--repeat", type=int, default=7, help="runs; the median is reported")
    args = parser.parse_args(argv)

    snap = _mid_conversation()
    stored = snap.model_dump_json()
    typed = UserInput(InputKind.TEXT, "$52,000")
    last_asset = _financial_block_end()
    zero = UserInput(InputKind.TEXT, "0")

    cases: list[tuple[str, Callable[[], object]]] = [
        ("baseline: snapshot JSON round trip", _roundtrip(stored)),
        ("assessment (full financials)", lambda: assess(FULL, TODAY)),
        ("assessment + render (en)", lambda: render_plan(assess(FULL, TODAY), "en")),
        ("conversation step (typed money)", lambda: engine.handle(snap, typed, TODAY)),
        ("step at the end of the financial block", lambda: engine.handle(last_asset, zero, TODAY)),
    ]
    base = None
    print(f"{'operation':<38}{'µs/call':>10}{'× baseline':>12}{'goal <1 ms':>12}")
    for name, fn in cases:
        fn()  # warm caches (catalogue, machine) outside the measurement
        us = _per_call_us(fn, args.number, args.repeat)
        base = base or us
        verdict = "" if name.startswith("baseline") else ("ok" if us < 1000 else "MISSED")
        print(f"{name:<38}{us:>10.1f}{us / base:>12.1f}{verdict:>12}")


if __name__ == "__main__":
    main()
