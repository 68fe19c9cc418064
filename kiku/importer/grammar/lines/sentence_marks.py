"""The marks that end a sentence or a question, or quote a line whole, shared by the line grammar (``features``)
and the card scorer (``card_fields``). A leaf: it imports nothing of the importer, so either may use it without a
cycle."""

from __future__ import annotations

import re

QUESTION_END = re.compile(r"[?？]\s*$")
# A full stop or an exclamation closing the line, perhaps inside a closing quote or bracket.
SENTENCE_END = re.compile(r"[。．!！]\s*[」』）)]?\s*$")

# A line in one pair of quotation marks, whatever is quoted inside them: '『「てまえどり」で…』', '「…」', '“…”'.
_WHOLLY_QUOTED = re.compile(r"『[^『』]+』|「[^「」]+」|“[^“”]+”")


def is_wholly_quoted(text: str) -> bool:
    """The line is one quotation and nothing else: '『冷凍保存の…コツ』' (another's words or a work's title)."""
    return _WHOLLY_QUOTED.fullmatch(text.strip()) is not None
