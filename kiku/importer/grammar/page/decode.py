"""The best reading of a whole page under a scored grammar (Viterbi), and how sure each line is.

A reading gives every line one part; its score is the sum of each line's fit to its part and
of each move from one part to the next. The best reading is found in one pass forward and
one back (time linear in the page: lines × the grammar's moves). The same two passes give,
for every line and part, the best score of any reading that puts the line there; a line whose
best and second-best parts score close is one the importer is unsure of, and says so.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

NEVER = float("-inf")
# A fit below this is a reading the grammar forbids (``digest_grammar.IMPOSSIBLE``): the passes
# skip the part for that line, which changes no reading and saves most of the work on a
# page of link lines and bullets (each fits only a few parts).
FORBIDDEN_BELOW = -1e8


@dataclass(frozen=True, slots=True)
class Reading:
    parts: tuple[int, ...]
    # Per line: (the line's part, the runner-up part, how much better the best reading is than
    # the best one that puts the line in the runner-up part).
    margins: tuple[tuple[int, int, float], ...]


@dataclass(frozen=True, slots=True)
class Detour:
    """A cost that depends on the page, not only on the grammar: a line read as ``source`` and followed
    by anything but ``expected`` adds ``costs[line]`` (negative, as the grammar's move costs): a
    page-level expectation ("this page's headings open on a question") that fixed moves cannot say."""

    source: int
    expected: int
    costs: Sequence[float]


def best_reading(fits: Sequence[Sequence[float]], follows: Mapping[int, Mapping[int, float]],
                 first: Mapping[int, float], last: Mapping[int, float],
                 detour: Detour | None = None) -> Reading | None:
    """The best reading of lines whose fits are ``fits[line][part]``; None when no reading exists."""
    if not fits:
        return Reading((), ())
    size = len(fits[0])
    before: list[list[tuple[int, float]]] = [[] for _ in range(size)]
    for source, targets in follows.items():
        for target, cost in targets.items():
            before[target].append((source, cost))

    forward = [[NEVER] * size]
    back: list[list[int]] = [[-1] * size]
    for part, cost in first.items():
        forward[0][part] = cost + fits[0][part]
    for line in range(1, len(fits)):
        expected, scores, pointers = forward[-1], [NEVER] * size, [-1] * size
        detoured = _detoured(expected, detour, line - 1)
        fit = fits[line]
        for part in range(size):
            if fit[part] < FORBIDDEN_BELOW:
                continue
            previous = expected if detour is None or part == detour.expected else detoured
            best, best_source = NEVER, -1
            for source, cost in before[part]:
                score = previous[source] + cost
                if score > best:
                    best, best_source = score, source
            if best_source >= 0:
                scores[part], pointers[part] = best + fit[part], best_source
        forward.append(scores)
        back.append(pointers)

    end_scores = [forward[-1][part] + last[part] if part in last else NEVER for part in range(size)]
    end = max(range(size), key=end_scores.__getitem__)
    if end_scores[end] < FORBIDDEN_BELOW:
        return None
    parts = [end]
    for line in range(len(fits) - 1, 0, -1):
        parts.append(back[line][parts[-1]])
    parts.reverse()
    return Reading(tuple(parts), _margins(fits, forward, follows, last, parts, end_scores[end], detour))


def _detoured(scores: list[float], detour: Detour | None, line: int) -> list[float]:
    """The scores to move on from, for a move out of ``line`` that is not the detour's expected one."""
    if detour is None or not detour.costs[line]:
        return scores
    detoured = list(scores)
    detoured[detour.source] += detour.costs[line]
    return detoured


# The scores are small numbers in tenths and halves: a margin is rounded past the float error
# that long sums pick up (0.9999999999999716 is the 1.0 it adds up to), so the report's
# threshold for an unsure line does not depend on the order the scores were added in.
MARGIN_DIGITS = 6


def _margins(fits: Sequence[Sequence[float]], forward: list[list[float]], follows: Mapping[int, Mapping[int, float]],
             last: Mapping[int, float], parts: list[int], best: float,
             detour: Detour | None) -> tuple[tuple[int, int, float], ...]:
    """Backward pass: the best score from each (line, part) to the end, then each line's margin."""
    size = len(fits[0])
    moves = [list(follows.get(part, {}).items()) for part in range(size)]
    after = [last.get(part, NEVER) for part in range(size)]
    margins: list[tuple[int, int, float]] = []
    for line in range(len(fits) - 1, -1, -1):
        through = [score + rest for score, rest in zip(forward[line], after, strict=True)]
        chosen = parts[line]
        chosen_score, through[chosen] = through[chosen], NEVER
        runner_up = max(range(size), key=through.__getitem__)
        through[chosen] = chosen_score
        margins.append((chosen, runner_up, round(best - through[runner_up], MARGIN_DIGITS)))
        if line:
            fit = fits[line]
            allowed = [score >= FORBIDDEN_BELOW for score in fit]
            after = [max([cost + fit[target] + after[target] + _detour_cost(detour, line - 1, part, target)
                          for target, cost in part_moves if allowed[target]], default=NEVER)
                     for part, part_moves in enumerate(moves)]
    margins.reverse()
    return tuple(margins)


def _detour_cost(detour: Detour | None, line: int, source: int, target: int) -> float:
    if detour is None or source != detour.source or target == detour.expected:
        return 0.0
    return detour.costs[line]
