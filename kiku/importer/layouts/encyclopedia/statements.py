"""What a mirror's statements about its copy say: the licence they name, and the article they name
('この記事は、ウィキペディアの<title> (改訂履歴) の記事を…', '出典：Wikipedia「<title>」…GFDL…')."""

from __future__ import annotations

import re
import unicodedata

# (words that name the licence in the statement, the licence's name, its text)
LICENSES: tuple[tuple[str, str, str], ...] = (
    ("GNU Free Documentation License", "GNU Free Documentation License", "https://www.gnu.org/licenses/fdl-1.3.html"),
    ("Creative Commons Attribution-ShareAlike", "Creative Commons Attribution-ShareAlike",
     "https://creativecommons.org/licenses/by-sa/4.0/"),
    ("クリエイティブ・コモンズ 表示-継承", "Creative Commons Attribution-ShareAlike",
     "https://creativecommons.org/licenses/by-sa/4.0/deed.ja"),
    # The licences' short names: 'CC BY-SA 4.0 および GFDL のもとで'.
    ("CC BY-SA", "Creative Commons Attribution-ShareAlike", "https://creativecommons.org/licenses/by-sa/4.0/"),
    ("CC-BY-SA", "Creative Commons Attribution-ShareAlike", "https://creativecommons.org/licenses/by-sa/4.0/"),
    ("GFDL", "GNU Free Documentation License", "https://www.gnu.org/licenses/fdl-1.3.html"),
    # The GFDL's Japanese name: 'GNUフリー文書利用許諾契約書'.
    ("フリー文書利用許諾契約書", "GNU Free Documentation License", "https://www.gnu.org/licenses/fdl-1.3.html"),
)
# The copied article named with its history's link after it: 'ウィキペディアの<title> (改訂履歴) の記事', or its title
# in quotes and the link in brackets of any words ('ウィキペディアの「<title>」（版の履歴）を元に…').
WIKIPEDIA_COPY = re.compile(r"ウィキペディアの(?P<title>.+?)\s*[(（]改訂履歴[)）]\s*の記事"
                            r"|ウィキペディア(?:日本語版)?の\s*[「『](?P<quoted>[^」』]{1,60})[」』]\s*[(（][^()（）]{1,8}[)）]")
# A licence line naming the article it copies in brackets: '出典：Wikipedia「桜島」 このページの文章は
# GNU Free Documentation License…', '本文はウィキペディア日本語版「マイナ保険証」…'. Only with a
# licence named on the same line does it name the page's article (a digest may quote Wikipedia).
WIKIPEDIA_NAMED = re.compile(
    r"(?:ウィキペディア|Wikipedia)(?:\s*日本語版)?(?:\s*の)?(?:\s*(?:article|記事|項目|ページ))?\s*[「『\"“](?P<title>[^」』\"”]{1,60})[」』\"”]")


# What may join a licence's words, as each site prints them: 'クリエイティブ・コモンズ・表示・継承',
# 'クリエイティブ・コモンズ 表示-継承', 'CC-BY-SA', 'CC BY SA'.
_JOINERS = re.compile(r"[\s・･\-‐‑–—_/]+")


def _joined(text: str) -> str:
    return _JOINERS.sub("", unicodedata.normalize("NFKC", text))


_FOLDED_LICENSES = tuple((_joined(words), name, url) for words, name, url in LICENSES)


def licence_named(text: str) -> tuple[str, str] | None:
    """The licence (its name and text) ``text`` names, however its words are joined, or None."""
    joined = _joined(text)
    return next(((name, url) for words, name, url in _FOLDED_LICENSES if words in joined), None)


def names_licence(text: str) -> bool:
    return licence_named(text) is not None


def statement_title(text: str) -> str | None:
    """The article title a licence statement names, or None when ``text`` is not one."""
    copies = WIKIPEDIA_COPY.search(text)
    if copies:
        return (copies["title"] or copies["quoted"]).strip().strip("「」『』")
    named = WIKIPEDIA_NAMED.search(text)
    if named and names_licence(text):
        return named["title"].strip()
    return None

