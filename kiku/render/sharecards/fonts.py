"""Finding the Japanese font share cards are drawn with.

In order: the file ``site.yaml`` names in ``card_font``; a Noto Sans CJK (or Source Han Sans) face
that fontconfig knows (``fc-match``); the paths Debian, Fedora, Arch, macOS and Windows install
such a font at. A font that cannot draw Japanese would put boxes (豆腐) on every card, so fontconfig's
answer is taken only when its family is a CJK one.
"""

from __future__ import annotations

import functools
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # Pillow is imported when a card is drawn: a build with nothing to do draws none
    from PIL import ImageFont

INSTALL_HINT = "apt-get install fonts-noto-cjk, or name a font file in site.yaml's card_font"
_FC_PATTERN = "Noto Sans CJK JP:style=Bold"
_CJK_FAMILIES = ("CJK", "Source Han", "Noto Sans JP", "Hiragino", "Yu Gothic", "Meiryo")
# (path, face index in the collection): the face index 0 of these collections is the Japanese one.
_KNOWN_FONTS = (
    ("/usr/share/fonts/opentype/noto/NotoSansCJK-Bold.ttc", 0),  # Debian, Ubuntu: fonts-noto-cjk
    ("/usr/share/fonts/noto-cjk/NotoSansCJK-Bold.ttc", 0),  # Arch: noto-fonts-cjk
    ("/usr/share/fonts/google-noto-cjk/NotoSansCJK-Bold.ttc", 0),  # Fedora
    ("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc", 0),
    ("/System/Library/Fonts/ヒラギノ角ゴシック W6.ttc", 0),  # macOS
    ("C:/Windows/Fonts/YuGothB.ttc", 0),  # Windows
    ("C:/Windows/Fonts/meiryob.ttc", 0),
)


@dataclass(frozen=True, slots=True)
class CardFont:
    """A font file and the face in it to draw with."""

    path: Path
    index: int = 0

    def fingerprint(self) -> str:
        """What identifies the font's glyphs for the card cache: the file, its size and time."""
        stat = self.path.stat()
        return f"{self.path.resolve()}:{self.index}:{stat.st_size}:{stat.st_mtime_ns}"


@functools.lru_cache(maxsize=64)
def load_face(font: CardFont, size: int) -> ImageFont.FreeTypeFont:
    """``font`` at ``size`` pixels, loaded once per process."""
    from PIL import ImageFont

    return ImageFont.truetype(str(font.path), size, index=font.index)


@functools.lru_cache(maxsize=1 << 16)
def text_length(font: CardFont, size: int, text: str) -> float:
    """How far ``text`` at ``size`` advances the pen as Pillow shapes it (``getlength``), measured
    once per process: each measure shapes it anew, about 0.1 ms, and a card's title measures its
    characters for the line breaking and again for its glyphs."""
    return float(load_face(font, size).getlength(text))


def font_problem(path: Path) -> str | None:
    """Why ``path`` cannot draw share cards (missing, not a font), or None when it can."""
    if not path.is_file():
        return f"no font file at {path}"
    from PIL import ImageFont

    try:
        ImageFont.truetype(str(path), 20)
    except OSError as error:
        return f"{path} is not a font Pillow can read ({error})"
    return None


def find_card_font(configured: Path | None) -> CardFont | None:
    """The font to draw cards with: ``configured`` (already checked by the config loader) or the
    first CJK font found on this machine; None when there is none."""
    if configured is not None:
        return CardFont(configured)
    return _system_font()


@functools.cache
def _system_font() -> CardFont | None:
    return _fontconfig_font() or next(
        (CardFont(Path(path), index) for path, index in _KNOWN_FONTS if Path(path).is_file()), None
    )


def _fontconfig_font() -> CardFont | None:
    fc_match = shutil.which("fc-match")
    if fc_match is None:
        return None
    try:
        answer = subprocess.run(
            [fc_match, "--format=%{file}\n%{index}\n%{family}", _FC_PATTERN],
            capture_output=True, text=True, timeout=10, check=True,
        ).stdout
    except (OSError, subprocess.SubprocessError):
        return None
    path, _, rest = answer.partition("\n")
    index, _, family = rest.partition("\n")
    if not path or not Path(path).is_file() or not any(name in family for name in _CJK_FAMILIES):
        return None
    return CardFont(Path(path), int(index) if index.isdigit() else 0)
