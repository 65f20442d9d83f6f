"""Times New Roman's advance widths, and the header's names wrapped between words from them."""

import itertools
import unicodedata

FONT = "Times New Roman"
BODY_SIZE = 14

# Text widths. Advance widths of Times New Roman in 1/1000 em for printable ASCII (space to "~"),
# regular and bold, read from Liberation Serif, which is metric-compatible with Times New Roman by
# design (same advance widths). A precomposed Vietnamese letter is as wide as its base letter,
# except the horned Ư/ư/Ơ/ơ (and their tones) and Đ/đ, listed apart. Kerning is ignored: the
# widths are an approximation good to about 1 %, which is why wrapping keeps a margin (FIT).
_ASCII_WIDTHS = {
    False: [
        int(w)
        for w in """
    250 333 408 500 500 833 778 180 333 333 500 564 250 333 250 278 500 500 500 500 500 500 500
    500 500 500 278 278 564 564 564 444 921 722 667 667 722 611 556 722 722 333 389 722 611 889
    722 722 556 722 667 556 611 722 722 944 722 722 611 333 278 333 469 500 333 444 500 444 500
    444 333 500 500 278 278 500 278 778 500 500 500 500 333 389 278 500 500 722 500 500 444 480
    200 480 541
    """.split()
    ],
    True: [
        int(w)
        for w in """
    250 333 555 500 500 1000 833 278 333 333 500 570 250 333 250 278 500 500 500 500 500 500 500
    500 500 500 333 333 570 570 570 500 930 722 667 722 722 667 611 778 778 389 500 778 667 944
    722 778 611 778 722 556 667 722 722 1000 722 722 667 333 278 333 581 500 333 500 556 444 556
    444 333 500 556 278 333 556 278 833 556 500 556 556 444 389 333 556 500 722 500 500 444 394
    220 394 520
    """.split()
    ],
}
_OTHER_WIDTHS = {
    False: {"Đ": 722, "đ": 500, "Ư": 776, "ư": 542, "Ơ": 722, "ơ": 529, "\u00a0": 250},
    True: {"Đ": 722, "đ": 556, "Ư": 796, "ư": 600, "Ơ": 778, "ơ": 554, "\u00a0": 250},
}
HORN = "\u031b"
# Share of a cell's width a computed line may fill: room for the approximation and for kerning.
FIT = 0.95


def _char_width(char, bold):
    other = _OTHER_WIDTHS[bold]
    if char in other:
        return other[char]
    decomposed = unicodedata.normalize("NFD", char)
    base = decomposed[0]
    if HORN in decomposed:
        horned = unicodedata.normalize("NFC", base + HORN)
        if horned in other:
            return other[horned]
    code = ord(base)
    if 32 <= code < 127:
        return _ASCII_WIDTHS[bold][code - 32]
    return 500  # anything else: the width of an average letter


def text_width_pt(text, size, bold=False):
    """The approximate width of `text` set in Times New Roman at `size` points, in points."""
    text = unicodedata.normalize("NFC", text)
    return sum(_char_width(char, bool(bold)) for char in text) * size / 1000


def wrap_words(text, width_pt, size, bold=False):
    """`text` in as few lines as fit `width_pt` (breaking only between words), the breaks chosen so
    the longest line is as short as possible ("SỞ THÔNG TIN VÀ / TRUYỀN THÔNG" rather than a
    last word alone). A single word wider than the width keeps its own line, unbroken."""
    words = text.split()
    if not words:
        return []
    limit = width_pt * FIT

    def width(line_words):
        return text_width_pt(" ".join(line_words), size, bold)

    if width(words) <= limit:
        return [" ".join(words)]
    for count in range(2, len(words) + 1):
        best = None
        for cuts in itertools.combinations(range(1, len(words)), count - 1):
            bounds = (0, *cuts, len(words))
            lines = [words[a:b] for a, b in itertools.pairwise(bounds)]
            widest = max(width(line) for line in lines)
            # Ties: the longer line first, as headers are usually set.
            key = (widest, -width(lines[0]))
            if best is None or key < best[0]:
                best = (key, lines)
        if best[0][0] <= limit or count == len(words):
            return [" ".join(line) for line in best[1]]
    return words
