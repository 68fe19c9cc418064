"""What stands for a picture or an embed in the text: a placeholder ('[画像]'), a photo's credit or note,
an embedded post's open button ('Xで見る'), a caption under a picture ('写真：…').
"""

from __future__ import annotations

import re

from kiku.importer.cleaning.chrome import nfkc, normalise

# A placeholder a text dump prints for an image or an embed ('[IMG]', '[画像]'), the photo's credit
# or note alone in brackets on its line ('（写真：共同）', '（写真：式典の様子／画像はイメージ）'), the
# site's note that a picture is only an illustration ('※画像はイメージです', perhaps with what it
# shows: '※写真はイメージです（港の朝市）'), and an embedded post's button to open it where it was
# posted ('Xで見る').
_PLACEHOLDER_WORDS = frozenset({"img", "image", "画像", "写真", "photo", "動画", "video", "iframe", "embed", "図"})
_PHOTO_CREDIT = re.compile(r"^[（(]\s*(?:写真|画像|撮影|提供|イラスト|図|動画)\s*[:：/／]\s*[^（()）。]{1,60}[）)]$")
_IMAGE_NOTE = re.compile(
    r"^[※＊*]\s*(?:画像|写真|イラスト|動画)(?:は|はすべて)?(?:イメージ|イメージ画像)(?:です)?[。.]?"
    r"(?:\s*[（(][^（()）]{1,30}[）)])?$")
_OPEN_ON_SERVICE = re.compile(
    r"^(?:x|twitter|instagram|youtube|facebook|tiktok|threads)\s*(?:で|を)(?:見る|開く|表示)$")


# A caption under a picture: the picture's label and a colon before it ('画像：…', '写真：…'), or a
# note in brackets after it that the picture is an illustration or from the files ('…（写真はイメージ）',
# '…（資料写真）', '…（撮影：記者）'). Either way a phrase, not a sentence.
_CAPTION_LABEL = re.compile(r"^(?:写真|画像|図|イラスト|動画|photo|image)\s*[:：=＝]\s*\S", re.IGNORECASE)
_CAPTION_NOTE = re.compile(
    r"[（(](?:[^（()）]{0,10}(?:イメージ|資料写真|資料画像|ファイル写真|撮影|提供)[^（()）]{0,10}"
    r"|(?:写真|画像|図)\s*[:：=＝][^（()）]{1,20})[）)]$")
MAX_CAPTION = 80


def is_image_caption(text: str) -> bool:
    normal = nfkc(text).strip()
    if len(normal) > MAX_CAPTION or "。" in normal:
        return False
    return _CAPTION_LABEL.match(normal) is not None or _CAPTION_NOTE.search(normal) is not None


def is_media_placeholder(text: str) -> bool:
    """An image's or an embed's placeholder, a photo credit, an image note, an embed's open button."""
    stripped = nfkc(text).strip()
    bracketed = stripped[:1] in "[［" and stripped[-1:] in "]］"
    return ((bracketed and normalise(stripped) in _PLACEHOLDER_WORDS) or _PHOTO_CREDIT.match(text.strip()) is not None
            or _IMAGE_NOTE.match(stripped) is not None or _OPEN_ON_SERVICE.match(normalise(stripped)) is not None)
