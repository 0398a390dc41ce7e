"""Text normalisation shared by indexing and querying: width, case, traditional -> simplified.

``上訪要去哪裡登記`` and ``上访要去哪里登记`` must look the same to the index, and so must
``ＡＢＣ`` and ``abc``. OpenCC's t2s conversion is loaded once, on first use.
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache
from typing import Any


@lru_cache(maxsize=1)
def _converter() -> Any:
    import opencc

    return opencc.OpenCC("t2s")


def normalise(text: str) -> str:
    """NFKC, lower case, traditional -> simplified Chinese, whitespace collapsed."""
    folded = unicodedata.normalize("NFKC", text).lower()
    if any("\u3400" <= ch <= "\u9fff" for ch in folded):
        folded = _converter().convert(folded)
    return " ".join(folded.split())
