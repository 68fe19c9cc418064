"""Each source card of a saved page printed in another shape a CMS uses, with the same text:
a table of rows, a definition list, a figure with a caption, a link preview of nested boxes, a
link around the whole card, a quotation with a <cite>, the source first, the publisher and date
joined in one line or split into two. The cards are found by the page's truth (``card_regions``);
the box that held a card keeps its attributes (an ad's class, a data attribute)."""

from __future__ import annotations

import html
import random
from collections.abc import Callable, Mapping
from typing import Any

from tests.support.page_variants.card_regions import CardRegion, card_regions, date_span
from tests.support.page_variants.html_tree import parse

# A card printed anew: the tag of its box and the box's content (None: the card is left as it is).
Shape = Callable[[CardRegion, random.Random], "tuple[str, str] | None"]
# A link's own attributes: a box that was the card's link does not carry them to its new box.
_LINK_ATTRIBUTES = frozenset({"href", "target", "rel", "hreflang", "download", "ping", "referrerpolicy"})
_LEADING_SEPARATORS = " \t\u3000|｜/・,、-–—"


def reprinted(page: str, truth: Mapping[str, Any], shape: Shape, rng: random.Random) -> str:
    """``page`` with every card the truth lets us find printed by ``shape``."""
    out: list[str] = []
    position = 0
    for region in card_regions(parse(page), truth):
        printed = shape(region, rng)
        if printed is None or f'href="{html.escape(region.url)}"' not in printed[1]:
            continue  # left as it is, or it would lose the card's link
        out += [page[position:region.start], _boxed(region, *printed)]
        position = region.end
    return "".join(out) + page[position:] if out else page


def _attributes(region: CardRegion) -> str:
    if region.box is None:
        return ""
    return "".join(f' {name}="{html.escape(value)}"' for name, value in region.box.attrs.items()
                   if name not in _LINK_ATTRIBUTES)


def _boxed(region: CardRegion, tag: str, inner: str) -> str:
    if region.held and region.box is not None:
        cell = ("<td>", "</td>") if region.box.name == "tr" else ("", "")
        return (f"<{region.box.name}{_attributes(region)}>{cell[0]}<{tag}>{inner}</{tag}>{cell[1]}"
                f"</{region.box.name}>")
    return f"<{tag}{_attributes(region)}>{inner}</{tag}>"


def _escaped(text: str) -> str:
    return html.escape(text, quote=False)


def _link(region: CardRegion, text: str) -> str:
    return f'<a href="{html.escape(region.url)}">{_escaped(text)}</a>'


def _title_parts(region: CardRegion) -> tuple[str, str, str] | None:
    """The headline line as (before, headline, after); None for an untitled card."""
    if region.title_index is None or region.title is None:
        return None
    text = region.lines[region.title_index].text
    at = text.find(region.title)
    if at < 0:
        return "", text, ""
    return text[:at].strip(), region.title, text[at + len(region.title):].strip()


def _title(region: CardRegion, *, linked: bool = True) -> tuple[str, list[str]]:
    """The headline (linked, with what its line prints beside it) and the source texts its line
    printed after it ('headline（publisher）'), which become source lines of their own."""
    parts = _title_parts(region)
    if parts is None:
        return "", []
    before, headline, after = parts
    sources = [after] if after and _names_source(region, after) else []
    tail = "" if sources else after
    shown = _link(region, headline) if linked else _escaped(headline)
    return " ".join(part for part in (_escaped(before), shown, _escaped(tail)) if part), sources


def _names_source(region: CardRegion, text: str) -> bool:
    return bool(region.publisher and region.publisher in text) or bool(
        region.published and date_span(text, region.published) is not None)


def _meta(region: CardRegion, extra: list[str]) -> list[str]:
    return [*extra, *(region.lines[index].text for index in region.meta)]


def split_source(region: CardRegion, text: str) -> list[str] | None:
    """A line printing the publisher and the date, cut between them; None when it does not."""
    dated = date_span(text, region.published) if region.published else None
    at = text.find(region.publisher) if region.publisher else -1
    if dated is None or at < 0:
        return None
    if dated[1] <= at:
        cut = dated[1]
    elif at + len(region.publisher or "") <= dated[0]:
        cut = at + len(region.publisher or "")
    else:
        return None
    first, second = text[:cut].strip(), text[cut:].lstrip(_LEADING_SEPARATORS).strip()
    return [first, second] if first and second else None


def _raw(lines: list[Any]) -> list[str]:
    return [line.raw for line in lines]


def _wrapped_each(tag: str, items: list[str]) -> str:
    return "".join(f"<{tag}>{item}</{tag}>" for item in items)


def _link_line(region: CardRegion) -> list[str]:
    return [region.lines[region.link_index].raw] if region.link_index is not None else []


def as_table(region: CardRegion, rng: random.Random) -> tuple[str, str] | None:
    title, extra = _title(region)
    meta = _meta(region, extra)
    rows = [*_raw(region.rest(True)), *([title] if title else []), *_raw(region.rest(False))]
    cells = [f"<tr><td>{row}</td></tr>" for row in rows]
    split = split_source(region, meta[0]) if len(meta) == 1 else (meta if len(meta) == 2 else None)
    if split is not None:
        cells.append("<tr>" + _wrapped_each("td", [_escaped(text) for text in split]) + "</tr>")
    else:
        cells += [f"<tr><td>{_escaped(text)}</td></tr>" for text in meta]
    cells += [f"<tr><td>{row}</td></tr>" for row in _link_line(region)]
    return "table", "<tbody>" + "\n".join(cells) + "</tbody>"


def as_definition_list(region: CardRegion, rng: random.Random) -> tuple[str, str] | None:
    title, extra = _title(region)
    items = [f"<dt>{row}</dt>" for row in [*_raw(region.rest(True)), *([title] if title else [])]]
    items += [f"<dd>{row}</dd>" for row in [*_raw(region.rest(False)),
                                            *(_escaped(text) for text in _meta(region, extra)),
                                            *_link_line(region)]]
    return "dl", "\n".join(items)


def _spans(texts: list[str]) -> str:
    return " ".join(f"<span>{_escaped(text)}</span>" for text in texts)


def as_figure(region: CardRegion, rng: random.Random) -> tuple[str, str] | None:
    """The summary quoted, the headline and its source in one caption line."""
    title, extra = _title(region)
    summary = _raw(region.rest(False))
    quoted = f"<blockquote>{_wrapped_each('p', summary)}</blockquote>" if summary else ""
    caption = " ".join(part for part in (title, _spans(_meta(region, extra))) if part)
    return "figure", (_wrapped_each("p", _raw(region.rest(True))) + quoted
                      + f"<figcaption>{caption}</figcaption>" + _wrapped_each("p", _link_line(region)))


def as_preview(region: CardRegion, rng: random.Random) -> tuple[str, str] | None:
    """A link preview: nested boxes, the headline the link, the source in a row of spans."""
    title, extra = _title(region)
    boxes = _wrapped_each("div", _raw(region.rest(True)))
    if title:
        boxes += f"<div><div>{title}</div></div>"
    summary = _raw(region.rest(False))
    if summary:
        boxes += "<div>" + _wrapped_each("div", summary) + "</div>"
    boxes += f"<div>{_spans(_meta(region, extra))}</div>" + _wrapped_each("div", _link_line(region))
    return "div", boxes


def as_link_block(region: CardRegion, rng: random.Random) -> tuple[str, str] | None:
    """The card's link around the whole card (its link line, a link itself, printed after it)."""
    title, extra = _title(region, linked=False)
    rows = [*_raw(region.rest(True)), *([title] if title else []), *_raw(region.rest(False)),
            *(_escaped(text) for text in _meta(region, extra))]
    inner = f'<a href="{html.escape(region.url)}">' + _wrapped_each("div", rows) + "</a>"
    return "div", inner + _wrapped_each("p", _link_line(region))


def as_quotation(region: CardRegion, rng: random.Random) -> tuple[str, str] | None:
    """A quotation: the summary, then the headline in a <cite> with the source under it."""
    title, extra = _title(region)
    meta = [_escaped(text) for text in _meta(region, extra)]
    footer = "<br>".join([*([f"<cite>{title}</cite>"] if title else []), *meta])
    return "blockquote", (_wrapped_each("p", [*_raw(region.rest(True)), *_raw(region.rest(False))])
                          + f"<p>{footer}</p>" + _wrapped_each("p", _link_line(region)))


def source_first(region: CardRegion, rng: random.Random) -> tuple[str, str] | None:
    """The source lines above the headline, the summary after it."""
    title, extra = _title(region)
    meta = _meta(region, extra)
    if not meta or not title:
        return None
    rows = [*_raw(region.rest(True)), *(_escaped(text) for text in meta), title, *_raw(region.rest(False)),
            *_link_line(region)]
    return "div", _wrapped_each("p", rows)


def _in_order(region: CardRegion, meta_rows: list[str]) -> str:
    """The card's lines in their order, its source lines replaced by ``meta_rows`` where the first stood."""
    rows: list[str] = []
    for index, line in enumerate(region.lines):
        if index == (region.meta[0] if region.meta else -1):
            rows += meta_rows
        elif index == region.title_index and not line.has_link:
            rows.append(_title(region)[0])  # its link was around the whole card
        elif index not in region.meta:
            rows.append(line.raw)
    return _wrapped_each("p", rows)


def sources_joined(region: CardRegion, rng: random.Random) -> tuple[str, str] | None:
    """A publisher line and a date line printed as one line."""
    if len(region.meta) != 2:
        return None
    texts = [region.lines[index].text for index in region.meta]
    return "div", _in_order(region, [_escaped(rng.choice((" ", " ｜ ", "　")).join(texts))])


def sources_split(region: CardRegion, rng: random.Random) -> tuple[str, str] | None:
    """A line printing the publisher and the date printed as two lines."""
    if len(region.meta) != 1:
        return None
    split = split_source(region, region.lines[region.meta[0]].text)
    if split is None:
        return None
    return "div", _in_order(region, [_escaped(text) for text in split])


def shape_rewrite(shape: Shape) -> Callable[[str, random.Random, Mapping[str, Any]], str]:
    return lambda page, rng, truth: reprinted(page, truth, shape, rng)
