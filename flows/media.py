"""What a person sends that is not text: a letter's photo read back to them, the rest offered to staff.

* A photo or a document of an IRS notice that was read: what was read, in one message, with
  "Yes, that's right" (the fields ride in the button: flows/notice_answers.py) and "No, not
  quite". The question is not repeated under it: the next question comes with the answer.
  The first time, one line says the photo stays theirs, in their Telegram chat.
* A photo that was not a notice, blurry, too big, or came while the reader was busy: a plain
  "I couldn't read it" with what helps, and the question again.
* A voice note, a video, a file that cannot be read, or a photo when letter photos are off:
  the offer to pass it to a person on the team (with consent first when there is none:
  flows/capture.py), and the question again.
* A sticker, a location: the question again (flows/lifecycle.py, as before).
"""

from __future__ import annotations

import html

from flows.catalogue import t
from flows.chat import Media, MediaKind
from flows.messages import message
from flows.notice_answers import DECLINED, PREFIX, confirm_value, owed_on
from flows.notices import NoticeReading, ReadOutcome
from flows.render import format_date, format_money
from flows.types import Button, OutMessage

PRIVACY_TOLD = "photo_privacy"  # Snapshot.told: the photo-stays-yours line was said
SHARE = "share"  # the offer's button: "cmd:share:<message id>" (flows/capture.py takes it)
MAX_MESSAGE_ID = 2**53  # a Telegram message id fits in 52 bits; anything longer is not one

NOT_READ = {
    ReadOutcome.NOT_A_NOTICE: "letters.not_read",
    ReadOutcome.UNREADABLE: "letters.not_read",
    ReadOutcome.TOO_LARGE: "letters.too_large",
    ReadOutcome.BUSY: "letters.busy",
}
OFFER_KEYS = {
    MediaKind.PHOTO: "media.share.photo",
    MediaKind.DOCUMENT: "media.share.file",
    MediaKind.VOICE: "media.share.voice",
}


def reading_message(reading: NoticeReading, lang: str) -> OutMessage:
    """ "I read CP504 dated November 3, 2026, amount due $52,318.40. Is that right?" with its buttons."""
    code = html.escape(reading.code)
    owed = owed_on(reading)
    values: dict[str, str] = {"code": code}
    if reading.notice_date is not None:
        values["date"] = format_date(reading.notice_date, lang)
    if owed is not None:
        values["amount"] = format_money(owed, lang)
    shape = (
        "full"
        if len(values) == 3
        else "dated"
        if "date" in values
        else "amount"
        if "amount" in values
        else "code"
    )
    lines = [t(f"letters.read.{shape}", lang, **values)]
    if reading.amount_due is not None and owed is None:
        lines.append(t("letters.read.proposed", lang, amount=format_money(reading.amount_due, lang)))
    if reading.respond_by is not None:
        lines.append(t("letters.read.respond_by", lang, date=format_date(reading.respond_by, lang)))
    value = confirm_value(reading)
    if value is None:
        lines.append(t("letters.read.unusable", lang))
        return message("\n".join(lines), kind="letter")
    lines.append(t("letters.read.confirm", lang))
    buttons = (
        (Button(t("letters.btn.yes", lang), f"cmd:{value}"),),
        (Button(t("letters.btn.no", lang), f"cmd:{DECLINED}"),),
    )
    return message("\n\n".join(["\n".join(lines[:-1]), lines[-1]]), kind="letter", buttons=buttons)


def asks_to_confirm(msg: OutMessage) -> bool:
    return any(b.value.startswith(f"cmd:{PREFIX}:") for row in msg.buttons for b in row)


def privacy_note(lang: str) -> OutMessage:
    return message(t("letters.privacy", lang), kind="note")


def not_read_message(media: Media, lang: str) -> OutMessage | None:
    """The reply to a photo or a file that was looked at and not read, or None (offer it to staff).

    A photo that is not a picture at all is simply unreadable; a file that is neither a picture
    nor a PDF (a Word file, a spreadsheet) may well matter, and is offered to a person instead.
    """
    outcome = media.outcome
    if outcome is ReadOutcome.UNSUPPORTED and media.kind is MediaKind.PHOTO:
        outcome = ReadOutcome.UNREADABLE
    key = NOT_READ.get(outcome) if outcome is not None else None
    return message(t(key, lang), kind="info") if key is not None else None


def share_offer(media: Media, lang: str) -> OutMessage | None:
    """ "I can't listen to voice notes, a person on our team can: pass it on?", or None (nothing to pass)."""
    key = OFFER_KEYS.get(media.kind)
    if key is None or media.message_id is None:
        return None
    button = ((Button(t("media.share.btn", lang), f"cmd:{SHARE}:{media.message_id}"),),)
    return message(t(key, lang), kind="info", buttons=button)


def shared_message_id(command: str) -> int | None:
    """The message id in a "share:<id>" command, or None when it is not one (a tampered button)."""
    name, _, raw = command.partition(":")
    if name != SHARE or not (raw.isascii() and raw.isdecimal()) or len(raw) > 16:
        return None
    value = int(raw)
    return value if 0 < value < MAX_MESSAGE_ID else None
