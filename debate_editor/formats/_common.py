"""Small helpers the text formats share: titles, line numbers, building a debate safely."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from functools import cache
from typing import TypeVar

from pydantic import BaseModel, ValidationError

from debate_editor.domain.errors import ImportFormatError, InvalidDebateError, plain_message
from debate_editor.domain.model import Claim, Debate, DebateInfo, Link

_Model = TypeVar("_Model", bound=BaseModel)
_NO_DEFAULT = object()

TITLE_LENGTH = 80
MAX_DIGITS = 4300
"""The longest number an importer reads (Python's own limit for turning digits into an
integer); a longer one is refused with its line, never Python's ValueError."""


def no_text_message(what: str) -> str:
    """The one sentence for a claim whose text is only spaces, a NUL character or what
    follows one (domain.model.has_text: the file keeps nothing of it)."""
    return f"{what} has no text (only spaces or a NUL character)"


def too_many_digits(what: str) -> str:
    return f"{what} has more than {MAX_DIGITS:,} digits"


def title_from(text: str, limit: int = TITLE_LENGTH) -> str:
    """A debate title made from a claim: its first line, cut at a word near `limit`."""
    line = " ".join(text.split())
    if len(line) <= limit:
        return line or "Untitled debate"
    cut = line[: limit - 1].rsplit(" ", 1)[0] or line[: limit - 1]
    return cut.rstrip(" ,;:") + "…"


def line_and_column(text: str, offset: int) -> tuple[int, int]:
    """1-based line and column of a character offset in `text`."""
    offset = max(0, min(offset, len(text)))
    line = text.count("\n", 0, offset) + 1
    start = text.rfind("\n", 0, offset) + 1
    return line, offset - start + 1


def one_line(text: str) -> str:
    """Text on one line: every line break (and the spaces around it) becomes one space."""
    return " ".join(part.strip() for part in text.splitlines() if part.strip()) or text.strip()


def printable(message: str) -> str:
    """A message kept on one line: line breaks and other invisible characters that came
    from the input (an id, a key) are shown as escapes such as \\n."""
    return "".join(
        char if char.isprintable() else char.encode("unicode_escape").decode("ascii")
        for char in message
    )


def build_debate(
    info: DebateInfo, claims: Iterable[Claim], links: Iterable[Link], line: int | None = None
) -> Debate:
    """A Debate from an importer's parts; a broken rule becomes an ImportFormatError.

    Importers check what they can name a line for; this is the last guard, so that an
    importer never lets another exception escape.
    """
    try:
        return Debate(info=info, claims=tuple(claims), links=tuple(links))
    except InvalidDebateError as error:
        raise ImportFormatError(printable(error.problems[0]), line=line) from None
    except ValidationError as error:
        raise ImportFormatError(printable(plain_message(error)), line=line) from None


def lean(model: type[_Model], **fields: object) -> _Model:
    """A `model` (a claim, a link) checked from `fields` less those that equal its
    defaults: an equal object, up to half a kilobyte smaller. Pydantic keeps on each one
    the set of field names it was given, and past four names that set costs 728 bytes
    instead of 216, as much as the rest of a link (README, "What we guarantee": big
    input)."""
    defaults = _defaults(model)
    given = {}
    for name, value in fields.items():
        default = defaults.get(name, _NO_DEFAULT)
        if type(value) is not type(default) or value != default:
            given[name] = value
    return model.model_validate(given)


@cache
def _defaults(model: type[BaseModel]) -> dict[str, object]:
    return {name: info.default for name, info in model.model_fields.items()}


def together(texts: Sequence[str], mark: str = ",") -> str:
    """The premises of a co-premise group named as one reason, in their order: "A, and B",
    "A, B, and C" (Kialo's `mark` is ";": "A; and B"). README, "Formats"."""
    parts = [text.strip() for text in texts]
    if len(parts) < 2:
        return "".join(parts)
    return f"{mark} ".join(parts[:-1]) + f"{mark} and {parts[-1]}"
