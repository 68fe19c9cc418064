"""Text-page label words printed in another site's words: the card's source label ('出典：' /
'ソース：' / '引用元：') and the question and answer labels ('Q.' / 'Q：' / '質問：')."""

from __future__ import annotations

import random
import re

SOURCE_LABELS = ("出典", "ソース", "引用元", "情報元")
# Not the licence line of an encyclopedia mirror ('出典: フリー百科事典『ウィキペディア』'), which
# every mirror words alike.
_SOURCE_LABEL = re.compile(r"(出典|ソース|引用元|情報元)(?=[ \t]*[：:](?![ \t\u3000]*フリー百科事典))")
QA_LABELS = (("Q. ", "A. "), ("Q：", "A："), ("Ｑ．", "Ａ．"), ("質問：", "回答："))
_QUESTION = re.compile(r"^([ \t\u3000]*)(?:Q|Ｑ|質問)[ \t]*[.．:：][ \t\u3000]*(?=\S)", re.MULTILINE)
_ANSWER = re.compile(r"^([ \t\u3000]*)(?:A|Ａ|回答)[ \t]*[.．:：][ \t\u3000]*(?=\S)", re.MULTILINE)


def swap_labels(text: str, rng: random.Random) -> str:
    """The source label and the question/answer labels each replaced by another site's words."""
    used = {match.group(1) for match in _SOURCE_LABEL.finditer(text)}
    if used:
        label = rng.choice([label for label in SOURCE_LABELS if label not in used] or list(SOURCE_LABELS))
        text = _SOURCE_LABEL.sub(label, text)
    questions = _QUESTION.search(text)
    if questions and _ANSWER.search(text):
        shown = questions.group(0).strip()
        question, answer = rng.choice([pair for pair in QA_LABELS if pair[0].strip() != shown])
        text = _QUESTION.sub(lambda match: match.group(1) + question, text)
        text = _ANSWER.sub(lambda match: match.group(1) + answer, text)
    return text
