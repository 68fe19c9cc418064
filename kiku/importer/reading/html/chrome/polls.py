"""A poll the page puts under its text: a short box of choices to tick ('役に立った' / '役に立たなかった'),
whatever it asks. Its inputs are dropped as a form's controls; the question and the choices' labels are
the box's, and go with it."""

from __future__ import annotations

from bs4 import Tag

# A poll's question and its choices are a few words each: a longer box is text with a form in it.
MAX_POLL_TEXT = 160
MIN_CHOICES = 2
_POLL_BOXES = frozenset({"div", "section", "aside", "form", "fieldset"})


def poll_box(element: Tag) -> bool:
    """A box holding at least two radio buttons or check boxes and little text besides."""
    if element.name not in _POLL_BOXES:
        return False
    choices = element.find_all("input", attrs={"type": ["radio", "checkbox"]}, limit=MIN_CHOICES)
    return len(choices) >= MIN_CHOICES and len(element.get_text(" ", strip=True)) <= MAX_POLL_TEXT
