"""The marks that end a sentence or a question, shared by the line grammar (``features``) and the card scorer
(``card_fields``). A leaf: it imports nothing of the importer, so either may use it without a cycle."""

from __future__ import annotations

import re

QUESTION_END = re.compile(r"[?？]\s*$")
# A full stop or an exclamation closing the line, perhaps inside a closing quote or bracket.
SENTENCE_END = re.compile(r"[。．!！]\s*[」』）)]?\s*$")
