"""flows.notices: what is read from an IRS notice's OCR text, written from irs-rules.md §5 / §9.9."""

from __future__ import annotations

import random
import re
import subprocess
import sys
from datetime import date
from decimal import Decimal

import pytest

from flows.answers import Letter
from flows.notices import NOTICE_LETTERS, NoticeParseError, NoticeReading, TextLine, read_notice

HEADER = ["Department of the Treasury", "Internal Revenue Service", "Kansas City, MO 64999-0010"]


def notice(*lines: str, code: str = "Notice CP504") -> NoticeReading | None:
    return read_notice([*HEADER, code, *lines])


def digits(text: str) -> str:
    return re.sub(r"\D", "", text)


# --- which notice -------------------------------------------------------------------------------

# From irs-rules.md §5: the collection sequence CP14 -> CP501 -> CP503 -> CP504 -> LT11 / Letter 1058
# (or CP90 / CP297) -> levy; Letter 3172 (lien); CP523 (plan default); CP2000 (proposed change).
REFERENCE_LETTERS = {
    "CP14": Letter.CP14,
    "CP501": Letter.CP501_503,
    "CP503": Letter.CP501_503,
    "CP504": Letter.CP504,
    "CP504B": Letter.CP504,  # S88: the business version of CP504
    "LT11": Letter.FINAL_NOTICE,
    "Letter 1058": Letter.FINAL_NOTICE,
    "CP90": Letter.FINAL_NOTICE,
    "CP297": Letter.FINAL_NOTICE,
    "CP297A": Letter.FINAL_NOTICE,  # post-levy, with the right to a CDP hearing (S95)
    "CP297C": Letter.FINAL_NOTICE,
    "Letter 3172": Letter.LIEN_3172,
    "CP523": Letter.CP523,
    "CP2000": Letter.CP2000,
    # Named by the reference but with no screening choice: the question is asked as usual.
    "CP3219A": None,  # notice of deficiency: 90 days to petition the Tax Court, not CP2000's 30
    "Letter 1153": None,  # Trust Fund Recovery Penalty: 60 days to appeal
    "Letter 3502C": None,  # first-time abatement granted
    "Letter 3503C": None,
}


def test_every_code_in_the_reference_maps_to_the_screenings_answer() -> None:
    assert NOTICE_LETTERS == REFERENCE_LETTERS


@pytest.mark.parametrize(
    ("printed", "code"),
    [
        ("Notice CP504", "CP504"),
        ("CP504", "CP504"),
        ("CP 504", "CP504"),
        ("CP5O4", "CP504"),  # O for 0
        ("cp504", "CP504"),
        ("NoticeCP504", "CP504"),  # OCR lost the space
        ("Notice CP504(SP)", "CP504"),  # Spanish notices
        ("Aviso CP504 (SP)", "CP504"),
        ("CP504SP", "CP504"),
        ("CP504B", "CP504B"),
        ("Notice CP14", "CP14"),
        ("CP 14", "CP14"),
        ("CPl4", "CP14"),  # l for 1
        ("Notice CP501", "CP501"),
        ("Notice CP503", "CP503"),
        ("CP9O", "CP90"),
        ("Notice CP297", "CP297"),
        ("CP297A", "CP297A"),
        ("CP297C", "CP297C"),
        ("LT11", "LT11"),
        ("LT 11", "LT11"),
        ("LTll", "LT11"),
        ("LT11(SP)", "LT11"),
        ("Letter 1058", "Letter 1058"),
        ("Letter1058", "Letter 1058"),
        ("Letter 1058 (Rev. 6-2019)", "Letter 1058"),
        ("Carta 1058", "Letter 1058"),
        ("Letter 3172", "Letter 3172"),
        ("Letter 3172 (DO) (Rev. 11-2025)", "Letter 3172"),
        ("Notice CP523", "CP523"),
        ("CP2000", "CP2000"),
        ("CP 2000", "CP2000"),
        ("CP2OOO", "CP2000"),
        ("Notice CP3219A", "CP3219A"),
        ("Letter 1153", "Letter 1153"),
    ],
)
def test_the_notice_code_is_read_through_ocr_noise(printed: str, code: str) -> None:
    reading = notice(code=printed)
    assert reading is not None
    assert reading.code == code
    assert reading.letter == REFERENCE_LETTERS[code]


@pytest.mark.parametrize("printed", ["CP5040", "CP5", "CP999", "LT12", "Letter 9999", "CP14000"])
def test_codes_that_are_not_notices_give_no_reading(printed: str) -> None:
    assert notice(code=printed) is None


def test_a_code_inside_a_sentence_does_not_name_the_notice() -> None:
    # Notices cite other notices in their prose ("if you don't respond we will send a CP3219A").
    reading = notice("If you don't respond, we will send you a CP3219A notice of deficiency.", code="CP2000")
    assert reading is not None and reading.code == "CP2000"


def test_a_code_beside_other_words_is_not_standalone() -> None:
    # "rev" of "(Rev. 6-2019)" may be dropped, but not the rest of a sentence that starts with "reverse"
    assert read_notice([*HEADER, "CP504 reverse side of this page"]) is None


def test_the_code_printed_most_often_wins_over_a_single_other() -> None:
    reading = read_notice(
        [*HEADER, "LT11", "Notice CP504", "Notice CP504 Notice date November 3, 2026", "CP504"]
    )
    assert reading is not None and reading.code == "CP504"


@pytest.mark.parametrize(
    "lines",
    [
        [],
        [""],
        ["   "],
        HEADER,  # the IRS, but no notice code
        ["Notice CP504", "Amount due: $5,000.00"],  # a code but the IRS is named nowhere
        # a tax-relief mailer: it names the IRS and codes only in its sentences
        ["Acme Tax Relief", "Did the IRS send you a CP504 or an LT11 letter? Call us.", "Amount due: $0.00"],
        # a bank statement
        [
            "First Federal Bank",
            "Statement date November 3, 2026",
            "Amount due: $312.40",
            "Account 123-45-6789",
        ],
        ["Metro Power & Light", "Payment due by 12/01/2026", "Total amount due $88.10"],
    ],
)
def test_text_that_is_not_an_irs_notice_gives_none(lines: list[str]) -> None:
    assert read_notice(lines) is None


# --- the notice date ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "line",
    [
        "Notice date November 3, 2026",
        "Notice date Nov. 3, 2026",
        "Notice date Nov 3, 2026",
        "Notice date: NOVEMBER 3, 2026",
        "Notice date 11/03/2026",
        "Notice date 11-03-2026",
        "Notice date 11/3/26",
        "Noticedate November3,2026",  # spaces lost
        "Notice date Novernber 3, 2026",  # rn for m
        "Notice date Nov. 3, 2O26",  # O for 0 in the year
        "Date: November 3, 2026",
        "Letter date November 3, 2026",
        "Fecha del aviso 3 de noviembre de 2026",
        "Fecha: 3 de nov. de 2026",
        # as the OCR engine returned them from the benchmark's photos
        "notice date nv.3,2026",
        "fechadel aviso 3denoviembrede2026",
        "noticedate november3,2026",
    ],
)
def test_the_notice_date_is_read_in_its_printed_forms(line: str) -> None:
    reading = notice(line)
    assert reading is not None
    assert reading.notice_date == date(2026, 11, 3)


def test_a_letter_dated_at_the_top_without_a_label() -> None:
    body = ["Dear Taxpayer:", "We have filed a Notice of Federal Tax Lien.", "Keep this letter.",
            "Tax period 12/31/2024", "Unpaid balance $9,120.00", "Letter 3172 (Rev. 11-2025)"]  # fmt: skip
    reading = read_notice([*HEADER, "November 3, 2026", *body])
    assert reading is not None
    assert (reading.code, reading.notice_date) == ("Letter 3172", date(2026, 11, 3))
    # the same date line low on the page is not taken for the notice date
    assert read_notice([*HEADER, *body, *body, "November 3, 2026"]).notice_date is None  # type: ignore[union-attr]


@pytest.mark.parametrize(
    ("line", "deadline"),
    [
        ("respondby0ctober142026", date(2026, 10, 14)),
        ("respondaamastardarel:4deagostode2026", date(2026, 8, 4)),
        ("respondaamastardarel21deoctubrede2026", date(2026, 10, 21)),
        ("ltimodaparapresentar08/11/2026", date(2026, 8, 11)),  # "Último día": the accented letters lost
        ("pagueamstardarel08/04/2026", date(2026, 8, 4)),  # "a más tardar": the á lost
        ("responda ambs tardarel 09/13/2026", date(2026, 9, 13)),
        ("pagueamas tardarel28dejuliode2026", date(2026, 7, 28)),
        ("respond by:june22,026", None),  # a digit of the year lost: no guess
    ],
)
def test_deadlines_as_ocr_returned_them(line: str, deadline: date | None) -> None:
    reading = notice("Notice date July 14, 2026", line)
    assert reading is not None and reading.respond_by == deadline


def test_a_letter_glued_to_the_day_is_not_read_as_a_digit() -> None:
    # "el 8 de junio" read as "el8dejunio": the l of "el" is not a 1, so this is the 8th, not the 18th
    reading = notice("Fecha del aviso 1 de junio de 2026", "pagueamas tardarel8dejuniode2026")
    assert reading is not None and reading.respond_by == date(2026, 6, 8)


def test_a_garbled_line_below_a_label_is_not_read_as_a_date() -> None:
    # "Número de identificación: XXX-XX-5043" garbled by OCR under "Fecha del aviso" with an unreadable value
    reading = read_notice([*HEADER, "CP90(SP)", "fecha del aviso", "numerode identifi4acabr5043"])
    assert reading is not None and reading.notice_date is None


def test_the_tax_period_and_the_form_revision_are_not_the_notice_date() -> None:
    reading = notice("Tax period: December 31, 2025", "Tax year 2025", "Letter 1058 (Rev. 6-2019)")
    assert reading is not None
    assert reading.notice_date is None


def test_a_labelled_notice_date_beats_an_earlier_unlabelled_date() -> None:
    reading = notice("Tax period ending 12/31/2025", "Notice date November 3, 2026", "Printed 10/30/2026")
    assert reading is not None and reading.notice_date == date(2026, 11, 3)


@pytest.mark.parametrize(
    "line", ["Notice date February 30, 2026", "Notice date 13/03/2026", "Notice date 1999"]
)
def test_impossible_dates_are_not_read(line: str) -> None:
    reading = notice(line)
    assert reading is not None and reading.notice_date is None


# --- the amount due -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "lines",
    [
        ["Amount due: $52,318.40"],
        ["Amount due immediately: $52,318.40"],
        ["Amount due immediately $ 52,318.40"],
        ["Amount you owe $52,318.40"],
        ["Total amount due: $52,318.40"],
        ["Proposed amount due $52,318.40"],  # CP2000
        ["Amount due S52,318.40"],  # $ read as S
        ["Amount due $52.318.40"],  # comma read as a period
        ["Amount due $52,318,40"],
        ["Amountdue:$52318.40"],
        ["Cantidad adeudada: $52,318.40"],
        ["Cantidad que usted debe $52,318.40"],
        ["Amount due immediately", "$52,318.40"],  # the amount-due box: the value under its label
        # the billing summary: owed, penalty, interest, then the amount due
        [
            "Amount you owed $45,000.00",
            "Failure-to-pay penalty $4,000.00",
            "Interest $3,318.40",
            "Amount due immediately $52,318.40",
        ],  # fmt: skip
        # box and voucher agree, one misread elsewhere loses
        ["Amount due $52,318.40", "Amount due $52,318.46", "Amount due $52,318.40"],
    ],
)
def test_the_amount_due_is_read(lines: list[str]) -> None:
    reading = notice(*lines)
    assert reading is not None
    assert reading.amount_due == Decimal("52318.40")


@pytest.mark.parametrize(
    "lines",
    [
        ["Amount you owed $45,000.00"],  # the original tax, not what is due now
        ["Amount enclosed $"],
        ["Amount enclosed $52,318.40"],  # what the person writes on the voucher
        ["Tax year 2025"],
        ["Amount due: see page 2"],
        ["Amount due 2025"],  # a bare number is not money
    ],
)
def test_what_is_not_the_amount_due_is_not_read_as_it(lines: list[str]) -> None:
    reading = notice(*lines)
    assert reading is not None
    assert reading.amount_due is None


# --- the response deadline ----------------------------------------------------------------------


@pytest.mark.parametrize(
    "line",
    [
        "Pay by December 1, 2026",
        "Respond by: 12/01/2026",
        "Reply by Dec. 1, 2026",
        "Payment due December 1, 2026",
        "Last day to request a hearing: December 1, 2026",
        "Pague a más tardar el 1 de diciembre de 2026",
        "Responda antes del 1 de diciembre de 2026",
    ],
)
def test_the_response_deadline_is_read(line: str) -> None:
    reading = notice("Notice date November 3, 2026", line)
    assert reading is not None
    assert reading.respond_by == date(2026, 12, 1)
    assert reading.notice_date == date(2026, 11, 3)


def test_amount_due_by_a_date_gives_both() -> None:
    reading = notice("Notice date November 3, 2026", "Amount due by December 1, 2026: $5,000.00", code="CP14")
    assert reading is not None
    assert (reading.respond_by, reading.amount_due) == (date(2026, 12, 1), Decimal("5000.00"))


@pytest.mark.parametrize("line", ["Pay by October 1, 2026", "Pay by December 1, 2027"])
def test_a_deadline_before_the_notice_or_far_after_it_is_a_misread(line: str) -> None:
    reading = notice("Notice date November 3, 2026", line)
    assert reading is not None
    assert reading.respond_by is None


def test_no_deadline_printed_reads_none() -> None:
    reading = notice("Notice date November 3, 2026", "Amount due immediately: $52,318.40")
    assert reading is not None and reading.respond_by is None


# --- positions ----------------------------------------------------------------------------------


def box(text: str, x0: float, y0: float, x1: float, height: float = 20) -> TextLine:
    return TextLine(text, (x0, y0, x1, y0 + height))


def test_label_and_value_in_separate_boxes_of_one_row() -> None:
    lines = [
        box("Department of the Treasury", 90, 70, 400),
        box("Internal Revenue Service", 90, 100, 400),
        box("Notice", 720, 70, 800),
        box("CP504", 930, 72, 1030),
        box("Notice date", 720, 130, 850),
        box("November 3, 2026", 930, 131, 1130),
        box("Tax year", 720, 100, 820),
        box("2025", 930, 101, 990),
    ]
    reading = read_notice(lines)
    assert reading is not None
    assert (reading.code, reading.notice_date) == ("CP504", date(2026, 11, 3))


def test_the_amount_box_value_is_taken_under_its_label_not_from_another_column() -> None:
    lines = [
        box("Internal Revenue Service", 90, 70, 400),
        box("CP14", 930, 70, 1030),
        box("JANE Q SAMPLE", 90, 300, 300),
        box("Amount due", 740, 300, 900),
        box("Account total $99.00", 90, 340, 330),  # another column, same row as the value
        box("$52,318.40", 740, 342, 920, height=34),
    ]
    reading = read_notice(lines)
    assert reading is not None and reading.amount_due == Decimal("52318.40")


# --- privacy ------------------------------------------------------------------------------------

SSNS = ["123-45-6789", "123 45 6789", "123.45.6789", "123 - 45 - 6789", "123456789", "12-3456789"]


@pytest.mark.parametrize("ssn", SSNS)
def test_an_ssn_shaped_number_never_reaches_a_field(ssn: str) -> None:
    lines = [
        f"Social Security number {ssn}",
        f"Notice date {ssn}",
        f"Amount due: {ssn}",
        f"Pay by {ssn}",
        f"CP504 {ssn}",
    ]
    reading = notice(*lines)
    assert reading is not None
    assert (reading.notice_date, reading.amount_due, reading.respond_by) == (None, None, None)
    assert digits(ssn) not in digits(repr(reading))


@pytest.mark.parametrize("ssn", SSNS)
def test_an_ssn_next_to_real_fields_leaves_them_correct(ssn: str) -> None:
    reading = notice(
        f"Social Security number {ssn}", "Notice date November 3, 2026", "Amount due: $52,318.40"
    )
    assert reading is not None
    assert (reading.notice_date, reading.amount_due) == (date(2026, 11, 3), Decimal("52318.40"))
    assert digits(ssn) not in digits(repr(reading))


def test_a_failure_inside_the_parser_carries_no_text() -> None:
    bad = TextLine("Notice CP504 Social Security number 123-45-6789", box=(1.0, 2.0))  # type: ignore[arg-type]
    with pytest.raises(NoticeParseError) as raised:
        read_notice([bad])
    assert "123" not in str(raised.value)
    assert raised.value.__context__ is None and raised.value.__cause__ is None


def test_noise_never_raises() -> None:
    rng = random.Random(19)
    alphabet = "CPLTetr0123456789OIlS$.,:/- ()abcdefghijklmnopqrstuvwxyzáéñ\n\t"
    for _ in range(400):
        lines = [
            "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 60)))
            for _ in range(rng.randint(0, 12))
        ]
        read_notice([*HEADER, *lines])
        read_notice(lines)


def test_the_module_stays_pure() -> None:
    # flows/ holds no I/O: importing the notice reader must not pull in the OCR stack or aiogram.
    code = "import sys, flows.notices; print(sorted(m for m in ('PIL','cv2','rapidocr_onnxruntime','aiogram','sqlalchemy') if m in sys.modules))"  # noqa: E501
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"


def test_with_today_a_notice_date_weeks_ahead_is_a_misread() -> None:
    lines = [*HEADER, "Notice CP504", "Notice date November 3, 2026"]
    assert read_notice(lines, today=date(2026, 11, 10)).notice_date == date(2026, 11, 3)  # type: ignore[union-attr]
    assert read_notice(lines, today=date(2026, 10, 25)).notice_date == date(2026, 11, 3)  # type: ignore[union-attr]
    assert read_notice(lines, today=date(2026, 10, 1)).notice_date is None  # type: ignore[union-attr]


def test_a_garbled_value_is_not_replaced_by_a_date_from_the_table_below() -> None:
    # "Respond by: March 2, 2026" with the year cut short, then the tax-period table
    lines = [
        box("Internal Revenue Service", 90, 70, 400),
        box("Letter 1058", 720, 70, 900),
        box("Respond by: March 2, 202", 90, 400, 420),
        box("Tax form", 90, 440, 200),
        box("Tax period", 330, 440, 460),
        box("1040", 90, 480, 160),
        box("12/31/2025", 330, 480, 460),
    ]
    reading = read_notice(lines)
    assert reading is not None and reading.respond_by is None


def test_a_value_far_below_its_label_is_not_its_value() -> None:
    lines = [
        box("Internal Revenue Service", 90, 70, 400),
        box("Notice CP14", 720, 70, 900),
        box("Amount due", 740, 300, 900),
        box("$52,318.40", 740, 420, 920),  # six lines further down: something else
    ]
    reading = read_notice(lines)
    assert reading is not None and reading.amount_due is None


def test_the_amount_box_value_with_another_columns_row_in_between() -> None:
    lines = [
        box("Internal Revenue Service", 90, 70, 400),
        box("Notice CP523", 720, 70, 900),
        box("JANE Q SAMPLE", 90, 300, 300),
        box("Amount due", 740, 302, 900),
        box("9108 MAIN ST", 90, 326, 300),  # the address block's rows sit between label and value
        box("$43,257.36", 740, 346, 920, height=30),
        # a skewed billing table pairs the label with the interest row's value...
        box("Amount due", 100, 700, 220),
        box("$2,162.87", 880, 702, 1000),
        # ...and the voucher agrees with the box
        box("Amount due $43,257.36", 90, 1400, 400),
    ]
    reading = read_notice(lines)
    assert reading is not None and reading.amount_due == Decimal("43257.36")
