"""Strings the Python and JavaScript tokenizers must cut identically (tests/search/test_search_tokens.py)."""

from __future__ import annotations

NASTY = (
    "",
    "停戦交渉",
    "ゼレンスキー大統領",
    "ＮＡＴＯ加盟国のＧ７首脳",
    "ｶﾞｿﾘﾝ ﾊﾟﾝ ｳﾞｧｲｵﾘﾝ ｰ",  # half-width kana with separate (semi-)voiced marks
    "か\u3099き\u309a",  # combining voiced marks, composed by NFKC
    "㈱日本 ① ⑳ ㍻ ㌔ ℡ ™",
    "全角\u3000空白\u3000で区切る",
    "e\u0301cole cafe\u0301 n\u0303 a\u0332b",  # combining marks, one that never composes
    "𠮷野家 𩸽 🍣 👨\u200d👩\u200d👧 🇯🇵",  # surrogate pairs: astral kanji, emoji, ZWJ, flags
    "❤\ufe0f 葛\U000e0100",  # variation selectors (a mark)
    "İstanbul ΟΔΟΣ ὈΔΥΣΣΕΎΣ ß ẞ ﬁ K Å",
    "Ⅻ ⅻ ½ ² x² ₂ ¹²³",
    "\u200b\u200c\u200d\ufeff",
    "<script>alert(1)</script> &amp; \"quotes\" 'apostrophe' `tick`",
    "2025年3月18日、3.2%上昇",
    "プーチン・トランプ電話会談(2月12日)",
    "々〆〇ヶヵゝゞヽヾ〻",
    "한국어 텍스트 العربية עִבְרִית हिन्दी ไทย",
    "a" * 70 + "b",
    "\U0001d400\U0001d401\U0001d7ce",  # mathematical bold letters and digits (NFKC → ASCII)
    "\ud7ff\ue000\uf8ff\U0010fffd",  # the edges of the BMP, private use
    "タブ\tと\n改行\r\nと\x0bと\x1cと\x85",
    "一二三　四五六　ｱｲｳ ＡＢＣ abc ABC",
)
