"""Synthetic IRS-style notices, rendered here so no real letter (and no real SSN) is ever needed.

Every sample is a pure function of (seed, index): the same call gives the same bytes, so a
benchmark figure or a failing test can be reproduced exactly. Each sample carries its ground
truth. The notices imitate what a person photographs: the notice code top-right as the IRS
prints it, a header block of label/value pairs, the amount-due box, a billing table, the
payment voucher at the foot, an English or a Spanish text, then a phone-photo treatment
(perspective, rotation up to 10 degrees, blur, uneven light, JPEG noise).

Fonts come from packages the project installs (Pillow's bundled TrueType, matplotlib's DejaVu
and STIX), never from the machine, so a fresh clone renders the same pictures.
"""

from __future__ import annotations

import io
import random
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal
from functools import cache
from pathlib import Path

from PIL import Image, ImageDraw, ImageFilter, ImageFont

PAGE = (1275, 1650)  # US letter at 150 dpi
INK = (25, 25, 25)

MONTHS_EN = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)  # fmt: skip
MONTHS_ES = (
    "enero", "febrero", "marzo", "abril", "mayo", "junio",
    "julio", "agosto", "septiembre", "octubre", "noviembre", "diciembre",
)  # fmt: skip


@dataclass(frozen=True)
class Truth:
    """What a perfect reader returns for the sample (all None for a distractor)."""

    code: str | None
    notice_date: date | None
    amount_due: Decimal | None
    respond_by: date | None
    ssn: str | None  # the SSN-shaped number printed on the page, if any: it must never come back


@dataclass(frozen=True)
class Sample:
    name: str
    data: bytes
    mime: str
    truth: Truth
    features: tuple[str, ...]  # layout, font, language and photo treatment, for the bench's breakdown

    @property
    def is_notice(self) -> bool:
        return self.truth.code is not None


# --- fonts -----------------------------------------------------------------------------------------


@cache
def _mpl_font_dir() -> Path | None:
    try:
        import matplotlib
    except ImportError:
        return None
    path = Path(matplotlib.get_data_path()) / "fonts" / "ttf"
    return path if path.is_dir() else None


FontMaker = Callable[[int, bool], ImageFont.FreeTypeFont | ImageFont.ImageFont]


def _mpl(regular: str, bold: str) -> FontMaker | None:
    base = _mpl_font_dir()
    if base is None or not (base / regular).exists():
        return None

    def make(size: int, strong: bool) -> ImageFont.FreeTypeFont:
        return ImageFont.truetype(str(base / (bold if strong else regular)), size)

    return make


def _pillow_default(size: int, strong: bool) -> ImageFont.FreeTypeFont | ImageFont.ImageFont:
    return ImageFont.load_default(size=size)


def fonts() -> dict[str, FontMaker]:
    """Font families available from installed packages (Pillow's own is always there)."""
    found: dict[str, FontMaker] = {"aileron": _pillow_default}
    for name, regular, bold in (
        ("dejavu-sans", "DejaVuSans.ttf", "DejaVuSans-Bold.ttf"),
        ("dejavu-serif", "DejaVuSerif.ttf", "DejaVuSerif-Bold.ttf"),
        ("stix", "STIXGeneral.ttf", "STIXGeneralBol.ttf"),
        ("dejavu-mono", "DejaVuSansMono.ttf", "DejaVuSansMono-Bold.ttf"),
    ):
        maker = _mpl(regular, bold)
        if maker is not None:
            found[name] = maker
    return found


# --- the notices' words ----------------------------------------------------------------------------

# code -> (English title, Spanish title, amount label EN, amount label ES, deadline label EN/ES or None)
NOTICES: dict[str, tuple[str, str, str, str, tuple[str, str] | None]] = {
    "CP14": (
        "You have unpaid taxes", "Usted tiene impuestos sin pagar",
        "Amount due", "Cantidad adeudada", ("Pay by", "Pague a más tardar el"),
    ),
    "CP501": (
        "Reminder: you have unpaid taxes", "Recordatorio: impuestos sin pagar",
        "Amount due", "Cantidad adeudada", ("Pay by", "Pague a más tardar el"),
    ),
    "CP503": (
        "Second reminder: you have unpaid taxes", "Segundo recordatorio: impuestos sin pagar",
        "Amount due", "Cantidad adeudada", ("Pay by", "Pague a más tardar el"),
    ),
    "CP504": (
        "Notice of intent to seize (levy) your property or rights to property",
        "Aviso de intención de embargar su propiedad o derechos a la propiedad",
        "Amount due immediately", "Cantidad adeudada de inmediato", None,
    ),
    "CP90": (
        "Final notice of intent to levy and notice of your right to a hearing",
        "Aviso final de intención de embargo y de su derecho a una audiencia",
        "Amount you owe", "Cantidad que usted debe", ("Respond by", "Responda a más tardar el"),
    ),
    "CP297": (
        "Final notice of levy on federal payments and notice of your right to a hearing",
        "Aviso final de embargo de pagos federales y de su derecho a una audiencia",
        "Amount you owe", "Cantidad que usted debe", ("Respond by", "Responda a más tardar el"),
    ),
    "CP297A": (
        "Notice of levy and notice of your right to a hearing",
        "Aviso de embargo y de su derecho a una audiencia",
        "Amount you owe", "Cantidad que usted debe", None,
    ),
    "LT11": (
        "Final notice of intent to levy and notice of your right to a hearing",
        "Aviso final de intención de embargo y de su derecho a una audiencia",
        "Amount you owe", "Cantidad que usted debe", ("Respond by", "Responda a más tardar el"),
    ),
    "Letter 1058": (
        "Final notice: notice of intent to levy and notice of your right to a hearing",
        "Aviso final: intención de embargo y su derecho a una audiencia",
        "Total amount due", "Cantidad total adeudada", ("Respond by", "Responda a más tardar el"),
    ),
    "Letter 3172": (
        "Notice of federal tax lien filing and your right to a hearing under IRC 6320",
        "Aviso de presentación de gravamen federal y su derecho a una audiencia",
        "Amount you owe", "Cantidad que usted debe",
        ("Last day to request a hearing", "Último día para solicitar una audiencia"),
    ),
    "CP523": (
        "Notice of intent to terminate your installment agreement",
        "Aviso de intención de terminar su plan de pagos a plazos",
        "Amount due", "Cantidad adeudada", ("Pay by", "Pague a más tardar el"),
    ),
    "CP2000": (
        "Proposed changes to your tax return", "Cambios propuestos a su declaración de impuestos",
        "Proposed amount due", "Cantidad propuesta adeudada", ("Respond by", "Responda a más tardar el"),
    ),
    "CP504B": (
        "Notice of intent to levy: business balance due",
        "Aviso de intención de embargo: saldo del negocio",
        "Amount due immediately", "Cantidad adeudada de inmediato", None,
    ),
    "CP3219A": (
        "Notice of deficiency", "Aviso de deficiencia",
        "Deficiency", "Deficiencia", ("Last day to petition the Tax Court", "Último día para presentar"),
    ),
}  # fmt: skip

BODY_EN = (
    "We haven't received your payment for the amount you owe on your tax return.",
    "If you can't pay the amount due, pay what you can now and make a payment plan.",
    "Penalties and interest are charged until you pay the full amount you owe.",
    "You can pay online, by phone or by mail. Visit www.irs.gov/payments.",
    "If you already paid your balance in full, please disregard this notice.",
    "Keep this notice for your records and include a copy with any correspondence.",
)
BODY_ES = (
    "No hemos recibido su pago de la cantidad que adeuda en su declaración.",
    "Si no puede pagar la cantidad adeudada, pague lo que pueda y solicite un plan de pagos.",
    "Se cobran multas e intereses hasta que pague la cantidad total que adeuda.",
    "Puede pagar por internet, por teléfono o por correo. Visite www.irs.gov/pagos.",
    "Si ya pagó su saldo en su totalidad, no tome en cuenta este aviso.",
)


def fmt_money(value: Decimal) -> str:
    return f"${value:,.2f}"


def fmt_date(day: date, style: str) -> str:
    if style == "long":
        return f"{MONTHS_EN[day.month - 1]} {day.day}, {day.year}"
    if style == "short":
        name = MONTHS_EN[day.month - 1]
        short = name if len(name) <= 4 else name[:3] + "."
        return f"{short} {day.day}, {day.year}"
    if style == "numeric":
        return f"{day.month:02d}/{day.day:02d}/{day.year}"
    if style == "es":
        return f"{day.day} de {MONTHS_ES[day.month - 1]} de {day.year}"
    raise ValueError(style)


def ssn_text(rng: random.Random) -> str:
    """A nine-digit number in one of the shapes people and printers use (never a real person's)."""
    area = rng.randint(900, 999)  # 9xx is never issued as an SSN (ITIN range), so this is nobody's
    group, serial = rng.randint(10, 99), rng.randint(1000, 9999)
    sep = rng.choice(("-", "-", " ", "."))
    return f"{area}{sep}{group:02d}{sep}{serial:04d}"


# --- drawing ---------------------------------------------------------------------------------------


class Page:
    def __init__(self, font: FontMaker, scale: float) -> None:
        self.image = Image.new("RGB", PAGE, (252, 252, 250))
        self.draw = ImageDraw.Draw(self.image)
        self.font = font
        self.scale = scale

    def f(self, size: int, strong: bool = False) -> ImageFont.FreeTypeFont | ImageFont.ImageFont:
        return self.font(round(size * self.scale), strong)

    def text(self, x: float, y: float, s: str, size: int = 20, strong: bool = False) -> float:
        """Draw one line; return the y below it."""
        font = self.f(size, strong)
        self.draw.text((x, y), s, font=font, fill=INK)
        box = self.draw.textbbox((x, y), s, font=font)
        return box[3] + round(size * self.scale * 0.45)

    def pair(self, x: float, x2: float, y: float, label: str, value: str, size: int = 20) -> float:
        self.text(x, y, label, size)
        return self.text(x2, y, value, size)

    def width(self, s: str, size: int, strong: bool = False) -> float:
        return self.draw.textlength(s, font=self.f(size, strong))

    def rect(self, box: tuple[float, float, float, float], width: int = 2) -> None:
        self.draw.rectangle(box, outline=INK, width=width)

    def rule(self, x0: float, y: float, x1: float, dashed: bool = False) -> None:
        if not dashed:
            self.draw.line((x0, y, x1, y), fill=INK, width=2)
            return
        x = x0
        while x < x1:
            self.draw.line((x, y, min(x + 14, x1), y), fill=INK, width=2)
            x += 24


@dataclass(frozen=True)
class Spec:
    code: str
    lang: str  # "en" | "es"
    layout: str  # "classic" | "letter" | "table"
    date_style: str
    notice_date: date
    amount: Decimal
    respond_by: date | None
    ssn: str | None  # printed in full (a distractor the reader must drop) or None (masked)


def _labels(spec: Spec) -> dict[str, str]:
    es = spec.lang == "es"
    return {
        "treasury": "Departamento del Tesoro" if es else "Department of the Treasury",
        "irs": "Servicio de Impuestos Internos" if es else "Internal Revenue Service",
        "notice": "Aviso" if es else "Notice",
        "tax_year": "Año tributario" if es else "Tax year",
        "notice_date": "Fecha del aviso" if es else "Notice date",
        "ssn": "Número de Seguro Social" if es else "Social Security number",
        "contact": "Para comunicarse" if es else "To contact us",
        "page": "Página 1 de 3" if es else "Page 1 of 3",
        "date": "Fecha:" if es else "Date:",
        "taxpayer_id": "Número de identificación:" if es else "Taxpayer ID number:",
        "person": "Persona de contacto:" if es else "Person to contact:",
        "tax_period": "Período tributario:" if es else "Tax period:",
        "billing": "Resumen de la cuenta" if es else "Billing summary",
        "owed": "Cantidad que adeudaba" if es else "Amount you owed",
        "penalty": "Multa por no pagar" if es else "Failure-to-pay penalty",
        "interest": "Intereses" if es else "Interest charges",
        "enclosed": "Cantidad incluida" if es else "Amount enclosed",
        "dear": "Estimado contribuyente:" if es else "Dear Taxpayer:",
    }


def _show_code(spec: Spec) -> str:
    """The code as printed in the notice's top-right corner (Spanish notices carry "(SP)")."""
    if spec.code.startswith("Letter "):
        return spec.code.replace("Letter", "Carta") if spec.lang == "es" else spec.code
    return spec.code + ("(SP)" if spec.lang == "es" else "")


def _ssn_value(spec: Spec, rng: random.Random) -> str:
    return spec.ssn if spec.ssn is not None else f"XXX-XX-{rng.randint(1000, 9999)}"


def _split_amount(amount: Decimal, rng: random.Random) -> tuple[Decimal, Decimal, Decimal]:
    interest = (amount * Decimal(rng.randint(4, 9)) / 100).quantize(Decimal("0.01"))
    penalty = (amount * Decimal(rng.randint(5, 14)) / 100).quantize(Decimal("0.01"))
    return amount - interest - penalty, penalty, interest


def _body(page: Page, y: float, spec: Spec, rng: random.Random, lines: int, size: int) -> float:
    body = BODY_ES if spec.lang == "es" else BODY_EN
    for i in range(lines):
        y = page.text(90, y, body[(i + rng.randint(0, 5)) % len(body)], size)
    return y


def _header(page: Page, spec: Spec, lab: dict[str, str], rng: random.Random) -> float:
    y = page.text(90, 70, lab["treasury"], 22, strong=True)
    y = page.text(90, y, lab["irs"], 22, strong=True)
    y = page.text(
        90, y, rng.choice(("Kansas City, MO 64999-0010", "Austin, TX 73301-0023", "Fresno, CA 93888")), 18
    )
    return y


def render_classic(page: Page, spec: Spec, rng: random.Random, tabular: bool) -> None:
    lab = _labels(spec)
    _header(page, spec, lab, rng)
    x, x2, size = 720, 930, 20
    date_text = fmt_date(spec.notice_date, spec.date_style)
    rows = [
        (lab["notice"], _show_code(spec)),
        (lab["tax_year"], str(spec.notice_date.year - rng.randint(1, 3))),
        (lab["notice_date"], date_text),
        (lab["ssn"] if rng.random() < 0.6 else lab["taxpayer_id"].rstrip(":"), _ssn_value(spec, rng)),
        (lab["contact"], "800-829-1040"),
        (lab["page"], ""),
    ]
    y = 70.0
    if tabular:
        top = y - 8
        for label, value in rows:
            y2 = page.pair(x + 10, x2 + 10, y, label, value, size)
            page.rule(x, y2 - 6, 1200)
            y = y2
        page.rect((x, top, 1200, y - 6))
        page.draw.line((x2, top, x2, y - 6), fill=INK, width=2)
    else:
        y = (
            page.text(x, y, f"{lab['notice']} {_show_code(spec)}", 30, strong=True)
            if rng.random() < 0.5
            else y
        )
        start = 0 if y == 70.0 else 1
        for label, value in rows[start:]:
            y = page.pair(x, x2, y, label, value, size)
    title_en, title_es, amount_en, amount_es, deadline = NOTICES[spec.code]
    title = title_es if spec.lang == "es" else title_en
    amount_label = amount_es if spec.lang == "es" else amount_en
    y = max(y, 330) + 20
    # the amount-due box, right-hand side, as on CP notices
    box_y = y
    page.rect((720, box_y, 1200, box_y + 130), width=3)
    page.text(740, box_y + 18, amount_label, 22, strong=True)
    page.text(740, box_y + 62, fmt_money(spec.amount), 34, strong=True)
    # name and address block, left
    page.text(90, box_y, "JANE Q SAMPLE", 19)
    page.text(90, box_y + 32, f"{rng.randint(100, 9999)} MAIN ST", 19)
    page.text(90, box_y + 64, "ANYTOWN, ST 00000-0000", 19)
    y = box_y + 170
    y = page.text(90, y, title, 26, strong=True)
    y = _body(page, y + 6, spec, rng, 2, 19)
    if spec.respond_by is not None and deadline is not None:
        label = deadline[1] if spec.lang == "es" else deadline[0]
        y = page.text(90, y + 8, f"{label} {fmt_date(spec.respond_by, spec.date_style)}", 21, strong=True)
    # billing summary table
    y += 20
    y = page.text(90, y, lab["billing"], 22, strong=True)
    owed, penalty, interest = _split_amount(spec.amount, rng)
    for label, value in (
        (lab["owed"], owed), (lab["penalty"], penalty),
        (lab["interest"], interest), (amount_label, spec.amount),
    ):  # fmt: skip
        page.rule(90, y - 4, 1000)
        vx = 1000 - page.width(fmt_money(value), 20)
        page.text(vx, y + 4, fmt_money(value), 20)
        y = page.text(100, y + 4, label, 20)
    page.rule(90, y - 4, 1000)
    y = _body(page, y + 14, spec, rng, 3, 19)
    # payment voucher at the foot of the page
    vy = max(y + 30, 1330)
    page.rule(60, vy, 1215, dashed=True)
    page.text(90, vy + 20, f"{lab['notice']} {_show_code(spec)}", 20, strong=True)
    page.text(90, vy + 52, f"{lab['notice_date']} {date_text}", 18)
    page.text(90, vy + 82, f"{amount_label} {fmt_money(spec.amount)}", 18)
    page.text(720, vy + 52, f"{lab['enclosed']} $ ________", 18)
    page.text(720, vy + 90, "INTERNAL REVENUE SERVICE", 18)


def render_letter(page: Page, spec: Spec, rng: random.Random) -> None:
    """Letter-style notices (LT11, Letters 1058 and 3172): a dated letter, the form number at the foot."""
    lab = _labels(spec)
    _header(page, spec, lab, rng)
    x, x2 = 720, 720
    y = 70.0
    if spec.code.startswith(("LT", "CP")) or rng.random() < 0.5:
        y = page.text(x, y, _show_code(spec), 30, strong=True)
    date_text = fmt_date(spec.notice_date, spec.date_style)
    y = page.text(x2, y, f"{lab['date']} {date_text}", 20)
    y = page.text(x2, y, f"{lab['taxpayer_id']} {_ssn_value(spec, rng)}", 20)
    y = page.text(x2, y, f"{lab['person']} {rng.choice(('R. Smith', 'A. Garcia', 'M. Lee'))}", 20)
    y = page.text(x2, y, f"{lab['contact']}: 1-800-829-{rng.randint(1000, 9999)}", 20)
    title_en, title_es, amount_en, amount_es, deadline = NOTICES[spec.code]
    y = max(y, 280) + 30
    page.text(90, 230, "JANE Q SAMPLE", 19)
    page.text(90, 262, f"{rng.randint(100, 9999)} OAK AVE", 19)
    y = page.text(90, y, title_es if spec.lang == "es" else title_en, 26, strong=True)
    y = page.text(90, y + 8, lab["dear"], 20)
    y = _body(page, y, spec, rng, 2, 19)
    amount_label = amount_es if spec.lang == "es" else amount_en
    y = page.text(90, y + 12, f"{amount_label}: {fmt_money(spec.amount)}", 22, strong=True)
    if spec.respond_by is not None and deadline is not None:
        label = deadline[1] if spec.lang == "es" else deadline[0]
        y = page.text(90, y, f"{label}: {fmt_date(spec.respond_by, spec.date_style)}", 22, strong=True)
    # tax periods table
    y += 20
    cols = (90, 330, 560, 800)
    heads = ("Tax form", "Tax period", "Unpaid amount", "Penalty and interest")
    for cx, head in zip(cols, heads, strict=True):
        page.text(cx, y, head, 18, strong=True)
    y += 34
    owed, penalty, interest = _split_amount(spec.amount, rng)
    page.rule(90, y - 4, 1150)
    period = date(spec.notice_date.year - 1, 12, 31)
    for cx, cell in zip(
        cols,
        ("1040", fmt_date(period, "numeric"), fmt_money(owed), fmt_money(penalty + interest)),
        strict=True,
    ):
        page.text(cx, y + 4, cell, 18)
    y += 44
    page.rule(90, y, 1150)
    y = _body(page, y + 20, spec, rng, 4, 19)
    page.text(90, 1560, f"{spec.code} (Rev. {rng.randint(1, 12)}-20{rng.randint(18, 25)})", 17)
    page.text(900, 1560, lab["page"], 17)


def render_non_irs(page: Page, rng: random.Random, ssn: str) -> None:
    """A bank or utility letter: a date, an amount due and an account number, but no IRS notice."""
    name = rng.choice(("First Federal Bank", "Metro Power & Light", "Sunrise Medical Group"))
    y = page.text(90, 70, name, 30, strong=True)
    y = page.text(90, y, "PO Box 4400, Springfield, ST 00000", 18)
    when = date(2026, rng.randint(1, 12), rng.randint(1, 28))
    page.pair(720, 930, 70, "Statement date", fmt_date(when, "long"))
    page.pair(720, 930, 110, "Account number", ssn)
    y = page.text(90, 300, "Your monthly statement", 26, strong=True)
    y = page.text(
        90, y + 10, f"Amount due: {fmt_money(Decimal(rng.randint(3000, 90000)) / 100)}", 24, strong=True
    )
    y = page.text(90, y, f"Payment due by {fmt_date(when + timedelta(days=21), 'long')}", 20)
    for line in (
        "Thank you for being a valued customer.",
        "Late payments may be charged a fee of $25.00.",
        "Call us at 1-800-555-0100 with any questions about your account.",
        "Autopay is the easiest way to pay on time every month.",
    ):
        y = page.text(90, y + 6, line, 20)


def render_relief_ad(page: Page, rng: random.Random) -> None:
    """A tax-relief mailer: it names the IRS and notice codes in its prose, but it is not a notice."""
    y = page.text(90, 80, rng.choice(("Acme Tax Relief", "Liberty Tax Resolution Group")), 34, strong=True)
    for line in (
        "Did the IRS send you a CP504 or an LT11 letter? Don't panic.",
        "Our enrolled agents stop wage garnishments and bank levies.",
        "We negotiate with the Internal Revenue Service for you.",
        "Call today for a free consultation: 1-800-555-0199.",
        "Offer ends December 31, 2026. Not affiliated with the IRS.",
    ):
        y = page.text(90, y + 14, line, 22)


# --- the phone-photo treatment ---------------------------------------------------------------------


def _perspective_coeffs(src: list[tuple[float, float]], dst: list[tuple[float, float]]) -> list[float]:
    """Coefficients for Image.transform(PERSPECTIVE) mapping output pixels (dst) back to input (src)."""
    import numpy as np

    rows = []
    rhs = []
    for (x, y), (u, v) in zip(dst, src, strict=True):
        rows.append([x, y, 1, 0, 0, 0, -u * x, -u * y])
        rows.append([0, 0, 0, x, y, 1, -v * x, -v * y])
        rhs.extend((u, v))
    solution = np.linalg.solve(np.array(rows, dtype=float), np.array(rhs, dtype=float))
    return [float(c) for c in solution]


def photograph(page: Image.Image, rng: random.Random, strength: float = 1.0) -> tuple[Image.Image, list[str]]:
    """Put the page on a table and photograph it: perspective, rotation, light, blur, sensor noise."""
    import numpy as np

    notes: list[str] = []
    w, h = page.size
    margin = 140
    canvas_w, canvas_h = w + 2 * margin, h + 2 * margin
    table = tuple(rng.randint(70, 150) for _ in range(3))
    # perspective: each page corner moves inwards/outwards by up to 5% of the page side
    jitter = 0.05 * strength
    corners = [(0, 0), (w, 0), (w, h), (0, h)]
    dst = [
        (margin + cx + rng.uniform(-jitter, jitter) * w, margin + cy + rng.uniform(-jitter, jitter) * h)
        for cx, cy in corners
    ]
    coeffs = _perspective_coeffs([(float(x), float(y)) for x, y in corners], dst)
    paper = page.transform(
        (canvas_w, canvas_h), Image.Transform.PERSPECTIVE, coeffs, Image.Resampling.BICUBIC
    )
    mask = Image.new("L", page.size, 255).transform(
        (canvas_w, canvas_h), Image.Transform.PERSPECTIVE, coeffs, Image.Resampling.BILINEAR
    )
    shot = Image.new("RGB", (canvas_w, canvas_h), table)  # type: ignore[arg-type]
    shot.paste(paper, (0, 0), mask)
    notes.append("perspective")
    angle = rng.uniform(-10, 10) * strength
    shot = shot.rotate(angle, Image.Resampling.BICUBIC, expand=False, fillcolor=table)  # type: ignore[arg-type]
    notes.append(f"rot{angle:+.0f}")
    # uneven light: a linear gradient across the page, as from a window
    arr = np.asarray(shot).astype(np.float32)
    gx = np.linspace(rng.uniform(0.75, 1.0), rng.uniform(0.9, 1.05), canvas_w, dtype=np.float32)
    gy = np.linspace(rng.uniform(0.85, 1.0), rng.uniform(0.8, 1.0), canvas_h, dtype=np.float32)
    arr *= (gy[:, None] * gx[None, :])[:, :, None]
    arr += np.random.default_rng(rng.randint(0, 2**31)).normal(0, 6 * strength, arr.shape).astype(np.float32)
    shot = Image.fromarray(np.clip(arr, 0, 255).astype(np.uint8))
    radius = rng.uniform(0.0, 1.3) * strength
    if radius > 0.3:
        shot = shot.filter(ImageFilter.GaussianBlur(radius))
        notes.append(f"blur{radius:.1f}")
    return shot, notes


def encode(image: Image.Image, fmt: str, quality: int) -> tuple[bytes, str]:
    out = io.BytesIO()
    if fmt == "jpeg":
        image.save(out, "JPEG", quality=quality)
        return out.getvalue(), "image/jpeg"
    if fmt == "webp":
        image.save(out, "WEBP", quality=quality)
        return out.getvalue(), "image/webp"
    if fmt == "pdf":
        image.save(out, "PDF", resolution=150.0)
        return out.getvalue(), "application/pdf"
    image.save(out, "PNG")
    return out.getvalue(), "image/png"


# --- samples ---------------------------------------------------------------------------------------

CODES = tuple(NOTICES)
LETTER_CODES = ("LT11", "Letter 1058", "Letter 3172")


def notice_spec(rng: random.Random, code: str | None = None, lang: str | None = None) -> Spec:
    code = code or rng.choice(CODES)
    lang = lang or ("es" if rng.random() < 0.2 else "en")
    notice_date = date(2026, 1, 5) + timedelta(days=rng.randint(0, 360))
    if code in LETTER_CODES:
        layout = "letter"
    else:
        layout = rng.choice(("classic", "classic", "table"))
    styles = ("es", "numeric") if lang == "es" else ("long", "long", "short", "numeric")
    amount = Decimal(rng.randint(25_000, 9_800_000)) / 100
    deadline = NOTICES[code][4]
    respond_by = notice_date + timedelta(days=rng.choice((21, 30, 30, 35))) if deadline else None
    ssn = ssn_text(rng) if rng.random() < 0.35 else None
    return Spec(code, lang, layout, rng.choice(styles), notice_date, amount, respond_by, ssn)


def render_notice(spec: Spec, rng: random.Random, font_name: str | None = None) -> tuple[Image.Image, str]:
    available = fonts()
    font_name = font_name or rng.choice(sorted(available))
    page = Page(available[font_name], rng.uniform(0.95, 1.1))
    if spec.layout == "letter":
        render_letter(page, spec, rng)
    else:
        render_classic(page, spec, rng, tabular=spec.layout == "table")
    return page.image, font_name


def sample(seed: int, index: int, strength: float = 1.0) -> Sample:
    """The index-th sample of a run: mostly notices, every 8th a distractor of some kind.

    ``strength`` scales the photo treatment (1.0: rotation up to 10 degrees, blur up to 1.3 px).
    """
    rng = random.Random(seed * 1_000_003 + index)
    kind = index % 16
    if kind == 7:
        return distractor(rng, "non_irs", index)
    if kind == 15:
        return distractor(rng, rng.choice(("blank", "blurry", "relief_ad")), index)
    spec = notice_spec(rng)
    image, font_name = render_notice(spec, rng)
    shot, notes = photograph(image, rng, strength)
    fmt = rng.choice(("jpeg", "jpeg", "jpeg", "png", "webp", "pdf"))  # pdf: a phone scan saved as PDF
    data, mime = encode(shot, fmt, rng.randint(40, 90))
    truth = Truth(spec.code, spec.notice_date, spec.amount, spec.respond_by, spec.ssn)
    features = (spec.layout, spec.lang, font_name, spec.date_style, fmt, *notes)
    return Sample(f"{index:03d}-{spec.code.replace(' ', '')}", data, mime, truth, features)


def distractor(rng: random.Random, kind: str, index: int = 0) -> Sample:
    """Pictures that must give no reading: a non-IRS letter, a blank page, a blurred notice, an ad."""
    ssn = ssn_text(rng)
    if kind == "blurry":
        spec = notice_spec(rng)
        image, _ = render_notice(spec, rng)
        shot, _ = photograph(image, rng)
        shot = shot.filter(ImageFilter.GaussianBlur(9))
    elif kind == "blank":
        shot, _ = photograph(Image.new("RGB", PAGE, (245, 245, 240)), rng)
    else:
        page = Page(fonts()["aileron"], 1.0)
        if kind == "non_irs":
            render_non_irs(page, rng, ssn)
        else:
            render_relief_ad(page, rng)
        shot, _ = photograph(page.image, rng)
    data, mime = encode(shot, "jpeg", rng.randint(50, 90))
    return Sample(f"{index:03d}-{kind}", data, mime, Truth(None, None, None, None, ssn), (kind,))


def samples(seed: int, count: int, strength: float = 1.0) -> Iterator[Sample]:
    for index in range(count):
        yield sample(seed, index, strength)


def clean_notice(code: str, seed: int = 1, *, lang: str = "en", ssn: str | None = None, fmt: str = "png",
                 photo: bool = True, strength: float = 0.6) -> Sample:  # fmt: skip
    """One notice of the given code, for the end-to-end tests (a light photo treatment by default)."""
    rng = random.Random(seed)
    spec = notice_spec(rng, code, lang)
    if ssn is not None:
        spec = Spec(spec.code, spec.lang, spec.layout, spec.date_style, spec.notice_date, spec.amount,
                    spec.respond_by, ssn)  # fmt: skip
    image, font_name = render_notice(spec, rng, "dejavu-sans" if "dejavu-sans" in fonts() else None)
    notes: list[str] = []
    if photo:
        image, notes = photograph(image, rng, strength)
    data, mime = encode(image, fmt, 85)
    truth = Truth(spec.code, spec.notice_date, spec.amount, spec.respond_by, spec.ssn)
    return Sample(f"{code}-{seed}", data, mime, truth, (spec.layout, spec.lang, font_name, fmt, *notes))


def text_pdf(lines: list[str], width: int = 612, height: int = 792) -> bytes:
    """A one-page PDF written by hand with real text (a text layer), as IRS online copies have."""
    shown = " ".join(f"({line}) Tj 0 -30 Td" for line in lines)
    stream = f"BT /F1 16 Tf 72 {height - 100} Td {shown} ET".encode("latin-1") if lines else b""
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 {width} {height}] /Contents 4 0 R "
        f"/Resources << /Font << /F1 5 0 R >> >> >>".encode(),
        b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out = io.BytesIO()
    out.write(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(out.tell())
        out.write(b"%d 0 obj\n" % number + body + b"\nendobj\n")
    xref = out.tell()
    out.write(b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1))
    for offset in offsets:
        out.write(b"%010d 00000 n \n" % offset)
    out.write(b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref))
    return out.getvalue()
