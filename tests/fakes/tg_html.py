"""Telegram's HTML parse_mode, re-implemented closely after tdlib's ``parse_html``.

Why a re-implementation instead of html.parser: Telegram is far stricter than browsers. A stray ``<`` or
an unknown tag makes the whole sendMessage fail with 400, which is exactly the class of bug (forgetting
``html.escape`` on user input) the fake exists to catch. Error strings follow tdlib so tests read like
production logs. Offsets in entities are UTF-16 code units, like the real Bot API.

One deliberate difference: Telegram shows an ``&`` that does not start a known entity literally, while this
parser rejects it (``strict_ampersand=True``). An unescaped ``&`` means the bot interpolated text without
escaping it, and the next user who types ``<`` would break the message for real.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

_TAG_TO_ENTITY = {
    "b": "bold",
    "strong": "bold",
    "i": "italic",
    "em": "italic",
    "u": "underline",
    "ins": "underline",
    "s": "strikethrough",
    "strike": "strikethrough",
    "del": "strikethrough",
    "tg-spoiler": "spoiler",
    "span": "spoiler",
    "a": "text_link",
    "code": "code",
    "pre": "pre",
    "blockquote": "blockquote",
    "tg-emoji": "custom_emoji",
}

_NAMED_ENTITIES = {"lt": "<", "gt": ">", "amp": "&", "quot": '"'}


class HtmlParseError(ValueError):
    """The text after ``can't parse entities: `` in Telegram's 400 description."""


@dataclass
class _Open:
    tag: str
    start: int  # offset in UTF-16 units of the visible text
    attrs: dict[str, str] = field(default_factory=dict)


def utf16_len(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


def _byte_offset(text: str, index: int) -> int:
    return len(text[:index].encode("utf-8"))


def _decode_entity(text: str, i: int) -> tuple[str, int] | None:
    """Decode an HTML entity starting at ``text[i] == '&'``; return (char, index after ';') or None."""
    end = text.find(";", i + 1, i + 12)
    if end == -1:
        return None
    body = text[i + 1 : end]
    if body in _NAMED_ENTITIES:
        return _NAMED_ENTITIES[body], end + 1
    if body.startswith("#"):
        try:
            code = int(body[2:], 16) if body[1:2] in ("x", "X") else int(body[1:])
        except ValueError:
            return None
        if 0 < code <= 0x10FFFF and not 0xD800 <= code <= 0xDFFF:
            return chr(code), end + 1
    return None


def parse_html(text: str, *, strict_ampersand: bool = True) -> tuple[str, list[dict[str, Any]]]:
    """Return (visible text, entities) or raise HtmlParseError with tdlib's wording."""
    out: list[str] = []
    out_len = 0  # UTF-16 length of ``out`` so far
    stack: list[_Open] = []
    entities: list[dict[str, Any]] = []
    n = len(text)
    i = 0

    def is_space(ch: str) -> bool:
        return ch in " \t\r\n\f\v"

    while i < n:
        ch = text[i]
        if ch == "&":
            decoded = _decode_entity(text, i)
            if decoded is not None:
                out.append(decoded[0])
                out_len += utf16_len(decoded[0])
                i = decoded[1]
                continue
            if strict_ampersand:
                raise HtmlParseError(
                    f'Unescaped "&" at byte offset {_byte_offset(text, i)} '
                    "(fake Telegram is stricter here: escape text with html.escape)"
                )
        if ch != "<":
            out.append(ch)
            out_len += utf16_len(ch)
            i += 1
            continue

        begin = i
        if i + 1 < n and text[i + 1] == "/":
            # End tag.
            if not stack:
                raise HtmlParseError(f"Unexpected end tag at byte offset {_byte_offset(text, begin)}")
            i += 2
            while i < n and not is_space(text[i]) and text[i] != ">":
                i += 1
            end_name = text[begin + 2 : i].lower()
            while i < n and is_space(text[i]):
                i += 1
            if i >= n or text[i] != ">":
                raise HtmlParseError(f"Unclosed end tag at byte offset {_byte_offset(text, begin)}")
            i += 1
            opened = stack.pop()
            if end_name and end_name != opened.tag:
                raise HtmlParseError(f'Can\'t find end tag corresponding to start tag "{opened.tag}"')
            length = out_len - opened.start
            if length > 0:
                entities.append(_make_entity(opened, length))
            continue

        # Start tag.
        i += 1
        while i < n and not is_space(text[i]) and text[i] != ">":
            i += 1
        if i >= n:
            raise HtmlParseError(f"Unclosed start tag at byte offset {_byte_offset(text, begin)}")
        tag = text[begin + 1 : i].lower()
        if tag not in _TAG_TO_ENTITY:
            raise HtmlParseError(f'Unsupported start tag "{tag}" at byte offset {_byte_offset(text, begin)}')
        attrs: dict[str, str] = {}
        while True:
            while i < n and is_space(text[i]):
                i += 1
            if i >= n:
                raise HtmlParseError(f"Unclosed start tag at byte offset {_byte_offset(text, begin)}")
            if text[i] == ">":
                i += 1
                break
            attr_begin = i
            while i < n and not is_space(text[i]) and text[i] not in "=>":
                i += 1
            attr_name = text[attr_begin:i].lower()
            if not attr_name:
                raise HtmlParseError(
                    f'Empty attribute name in the tag "{tag}" at byte offset {_byte_offset(text, begin)}'
                )
            while i < n and is_space(text[i]):
                i += 1
            if i < n and text[i] != "=":
                if attr_name == "expandable" and tag == "blockquote":
                    attrs[attr_name] = ""
                    continue
                raise HtmlParseError(
                    f'Expected equal sign in declaration of an attribute of the tag "{tag}" '
                    f"at byte offset {_byte_offset(text, begin)}"
                )
            i += 1
            while i < n and is_space(text[i]):
                i += 1
            if i >= n:
                raise HtmlParseError(f"Unclosed start tag at byte offset {_byte_offset(text, begin)}")
            value_chars: list[str] = []
            if text[i] in "'\"":
                quote = text[i]
                i += 1
                while i < n and text[i] != quote:
                    if text[i] == "&":
                        decoded = _decode_entity(text, i)
                        if decoded is not None:
                            value_chars.append(decoded[0])
                            i = decoded[1]
                            continue
                    value_chars.append(text[i])
                    i += 1
                if i < n:
                    i += 1
            else:
                while i < n and (text[i].isalnum() or text[i] in ".-_"):
                    value_chars.append(text[i])
                    i += 1
            if i >= n:
                raise HtmlParseError(f"Unclosed start tag at byte offset {_byte_offset(text, begin)}")
            attrs[attr_name] = "".join(value_chars)
        if tag == "span" and attrs.get("class") != "tg-spoiler":
            raise HtmlParseError(
                f'Tag "span" must have class "tg-spoiler" at byte offset {_byte_offset(text, begin)}'
            )
        stack.append(_Open(tag=tag, start=out_len, attrs=attrs))

    if stack:
        raise HtmlParseError(f'Can\'t find end tag corresponding to start tag "{stack[-1].tag}"')
    visible = "".join(out)
    return _strip(visible, entities)


def _make_entity(opened: _Open, length: int) -> dict[str, Any]:
    kind = _TAG_TO_ENTITY[opened.tag]
    entity: dict[str, Any] = {"type": kind, "offset": opened.start, "length": length}
    if kind == "text_link":
        entity["url"] = opened.attrs.get("href", "")
    elif kind == "blockquote" and "expandable" in opened.attrs:
        entity["type"] = "expandable_blockquote"
    elif kind == "custom_emoji":
        entity["custom_emoji_id"] = opened.attrs.get("emoji-id", "")
    elif kind == "code" and opened.attrs.get("class", "").startswith("language-"):
        entity["language"] = opened.attrs["class"][len("language-") :]
    return entity


def _strip(visible: str, entities: list[dict[str, Any]]) -> tuple[str, list[dict[str, Any]]]:
    """Trim surrounding whitespace like Telegram does, clipping entities to the remaining text."""
    stripped = visible.strip()
    if not stripped:
        return "", []
    lead = utf16_len(visible[: len(visible) - len(visible.lstrip())])
    total = utf16_len(stripped)
    result = []
    for entity in sorted(entities, key=lambda e: (e["offset"], -e["length"])):
        start = max(entity["offset"] - lead, 0)
        end = min(entity["offset"] + entity["length"] - lead, total)
        if end > start:
            result.append({**entity, "offset": start, "length": end - start})
    return stripped, result
