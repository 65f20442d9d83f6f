"""Reading and writing Vietnamese document references (số, ký hiệu) in free text.

Two shapes exist (Nghị định 30/2020, LEGAL.md §7):

- State documents: ``<number>/<symbol>``: ``420/KH-STTTT-VP``, ``04/2015/NĐ-CP``,
  ``10/2022/QH15``, ``1457/SNV-XDCQCTTN`` (a công văn has no type abbreviation).
- Party documents: ``<number>-<type>/<issuer>``: ``18-KH/ĐU``, ``11-QĐi/TW``.

A citation in a report reads "Kế hoạch số 420/KH-STTTT-VP, ngày 15/4/2016 của Sở …": an optional
type word, an optional "số", the reference, an optional date and an optional "của <issuer>".
`find_refs` finds every one of them with its span in the input; `parse_ref` reads one reference
typed into a form; `format_ref` writes the canonical text back. Nothing here raises on bad input:
an impossible date (31/02/2020) gives ``date=None`` and ``date_invalid=True``.

Đ and D are different letters (HĐ is a contract, HD a guidance); the text is NFC-normalised and
the look-alike Icelandic Ð/ð is read as Đ/đ.
"""

from __future__ import annotations

import dataclasses
import datetime
import re
import unicodedata

from django.utils.translation import gettext as _

from .kinds import NO_ABBREVIATION, DocumentKind

__all__ = ["Ref", "RefError", "find_refs", "parse_ref", "format_ref", "parse_date", "normalize"]


class RefError(ValueError):
    """A reference that cannot be read; the message is Vietnamese, fit to show in a form."""


@dataclasses.dataclass(frozen=True)
class Ref:
    ref: str  # canonical "420/KH-STTTT-VP", "18-KH/ĐU"; "/BC-STTTT-VP" when the number is blank
    kind: str  # a DocumentKind value
    number: str | None  # "420", "04"; None when left blank ("Số: /BC-…")
    symbol: str  # "KH-STTTT-VP", "KH/ĐU", "2015/NĐ-CP"
    is_party: bool = False
    date: datetime.date | None = None
    issuer: str | None = None
    span: tuple[int, int] = (0, 0)
    date_text: str | None = None  # the date as written, kept when it is impossible
    date_invalid: bool = False

    @property
    def year(self):
        if self.date:
            return self.date.year
        match = re.match(r"(\d{4})/", self.symbol)
        return int(match.group(1)) if match else None

    def as_dict(self):
        """JSON-ready: dates in ISO form, span as a list."""
        return {
            "ref": self.ref,
            "kind": self.kind,
            "number": self.number,
            "symbol": self.symbol,
            "is_party": self.is_party,
            "date": self.date.isoformat() if self.date else None,
            "date_text": self.date_text,
            "date_invalid": self.date_invalid,
            "issuer": self.issuer,
            "span": list(self.span),
        }


# --- Normalisation ---------------------------------------------------------------------------

_LOOKALIKES = str.maketrans({"\u00d0": "\u0110", "\u00f0": "\u0111"})  # Ð ð -> Đ đ


def normalize(text):
    """NFC text with look-alikes fixed, and a map from each index of it to an index of `text`."""
    if not isinstance(text, str):
        text = "" if text is None else str(text)
    text_nfc = unicodedata.normalize("NFC", text)
    if text_nfc == text:
        return text.translate(_LOOKALIKES), None
    # Normalise one starter + its combining marks at a time, so spans map back to the input.
    out, index_map, start = [], [], 0
    for i in range(1, len(text) + 1):
        if i == len(text) or not unicodedata.combining(text[i]):
            piece = unicodedata.normalize("NFC", text[start:i])
            out.append(piece)
            index_map.extend([start] * len(piece))
            start = i
    index_map.append(len(text))
    return "".join(out).translate(_LOOKALIKES), index_map


# --- Patterns --------------------------------------------------------------------------------

# Type words as written before a reference; longest first so "Quy định" does not eat "Quyết định".
TYPE_WORDS = {
    "nghị quyết": DocumentKind.NQ,
    "quyết định": DocumentKind.QD,
    "chỉ thị": DocumentKind.CT,
    "quy chế": DocumentKind.QC,
    "quy định": DocumentKind.QYD,
    "thông cáo": DocumentKind.TC,
    "thông báo": DocumentKind.TB,
    "hướng dẫn": DocumentKind.HD,
    "chương trình": DocumentKind.CTR,
    "kế hoạch": DocumentKind.KH,
    "phương án": DocumentKind.PA,
    "đề án": DocumentKind.DE_AN,
    "dự án": DocumentKind.DU_AN,
    "báo cáo": DocumentKind.BC,
    "biên bản": DocumentKind.BB,
    "tờ trình": DocumentKind.TTR,
    "hợp đồng": DocumentKind.HOP_DONG,
    "công điện": DocumentKind.CD,
    "bản ghi nhớ": DocumentKind.BGN,
    "bản thỏa thuận": DocumentKind.BTT,
    "giấy ủy quyền": DocumentKind.GUQ,
    "giấy mời": DocumentKind.GM,
    "giấy giới thiệu": DocumentKind.GGT,
    "giấy nghỉ phép": DocumentKind.GNP,
    "phiếu gửi": DocumentKind.PG,
    "phiếu chuyển": DocumentKind.PC,
    "phiếu báo": DocumentKind.PB,
    "kết luận": DocumentKind.KL,
    "công văn": DocumentKind.CV,
    "luật": DocumentKind.LUAT,
    "pháp lệnh": DocumentKind.PL,
    "nghị định": DocumentKind.ND,
    "thông tư": DocumentKind.TT,
    "văn bản": None,
}
# Spelling variants (old and new placement of the tone mark) of the words above.
_VARIANTS = {"bản thoả thuận": "bản thỏa thuận", "giấy uỷ quyền": "giấy ủy quyền"}

# Abbreviations that may stand first in a symbol, mapped to the kind (exact case: CT ≠ CTr).
KIND_BY_ABBR = {kind.value: kind for kind in DocumentKind if kind not in NO_ABBREVIATION}

_WORDS = "|".join(re.escape(w) for w in sorted([*TYPE_WORDS, *_VARIANTS], key=len, reverse=True))
_LETTER = r"[^\W\d_]"
_SEG = r"[^\W_]+"
_STATE_SYMBOL = rf"(?:\d{{4}}/)?{_LETTER}[^\W_]*(?:-{_SEG})*"
_PARTY_SYMBOL = rf"{_LETTER}[^\W_]*/{_LETTER}[^\W_]*(?:-{_SEG})*"

_CITATION = re.compile(
    rf"""
    (?:(?P<word>(?i:{_WORDS}))\s+)?
    (?:
        (?P<blank_so>(?i:số))\s*:?[ \t]*(?:\.{{2,}}|…+)?[ \t]*/(?P<blank_symbol>{_STATE_SYMBOL})
      |
        (?:(?i:số)\s*:?\s*)?
        (?<![\w/.\-])
        (?:
            (?P<party_number>\d{{1,6}})-(?P<party_symbol>{_PARTY_SYMBOL})
          | (?P<state_number>\d{{1,6}}[a-z]?)/(?P<state_symbol>{_STATE_SYMBOL})
        )
    )
    (?![\w/])
    """,
    re.VERBOSE,
)

_DMY = r"(?P<d>\d{1,2})\s*[/.\-]\s*(?P<m>\d{1,2})\s*[/.\-]\s*(?P<y>\d{4})"
_LONG = r"(?P<ld>\d{1,2})\s+tháng\s+(?P<lm>\d{1,2})\s+năm\s+(?P<ly>\d{4})"
_DATE_AFTER = re.compile(rf"[ \t]*(?:,[ \t]*)?(?:(?i:ban hành\s+)?(?i:ngày)[ \t]+)?(?:{_DMY}|{_LONG})(?!\d)")
_DATE_ALONE = re.compile(rf"\s*(?:(?i:ngày)\s+)?(?:{_DMY}|{_LONG})\s*$")
_ISSUER_START = re.compile(r"[ \t]*,?[ \t]*(?:\(\s*)?của[ \t]+")

# Words that end an issuer's name ("của Sở Nội vụ về việc …").
_ISSUER_STOP = {
    "về",
    "trong",
    "theo",
    "tại",
    "nhằm",
    "để",
    "năm",
    "đã",
    "đang",
    "sẽ",
    "là",
    "thì",
    "mà",
    "với",
    "cho",
    "khi",
    "v/v",
    "việc",
    "số",
    "ngày",
    "của",
    "như",
    "gồm",
    "do",
    "được",
    "và",
}
# Two-word phrases that end it: lowercase "ban hành" ends it, "Ban Thường vụ" (a body) does not.
_ISSUER_STOP_PAIRS = {"ban hành", "quy định", "đối với", "giai đoạn", "hướng dẫn", "triển khai", "thực hiện"}
# "và" ends a name only when followed by a lowercase word ("và các …"); "Thông tin và Truyền thông" stays.
_ISSUER_END_CHARS = set(';,.:!?\n\r“”"«»[]{}*_|')


def _kind_from_symbol(symbol, is_party):
    if is_party:
        abbr = symbol.split("/", 1)[0]
    else:
        rest = re.sub(r"^\d{4}/", "", symbol)
        if "-" not in rest:
            return DocumentKind.LUAT if re.fullmatch(r"QH\d+", rest) else None
        abbr = rest.split("-", 1)[0]
    return KIND_BY_ABBR.get(abbr)


def _kind(word, symbol, is_party):
    from_symbol = _kind_from_symbol(symbol, is_party)
    from_word = None
    if word:
        word = word.lower()
        from_word = TYPE_WORDS.get(_VARIANTS.get(word, word))
    if from_word == DocumentKind.QYD and (is_party or from_symbol == DocumentKind.QDI):
        return DocumentKind.QDI  # a Party "Quy định" (11-QĐi/TW; older ones wrote 124-QĐ/TW)
    if from_word is not None:
        return from_word
    if from_symbol is not None:
        return from_symbol
    return DocumentKind.OTHER if is_party else DocumentKind.CV


def _make_date(d, m, y):
    """(date or None, invalid?) for day/month/year strings; never raises."""
    try:
        day, month, year = int(d), int(m), int(y)
        if not 1900 <= year <= 2200:
            return None, True
        return datetime.date(year, month, day), False
    except (TypeError, ValueError, OverflowError):
        return None, True


def _date_from_match(match):
    if match.group("d") is not None:
        return _make_date(match.group("d"), match.group("m"), match.group("y"))
    return _make_date(match.group("ld"), match.group("lm"), match.group("ly"))


def parse_date(text):
    """'15/4/2016', '05/11/2020' or 'ngày 09 tháng 11 năm 2020' -> (date|None, invalid: bool).

    Text that is not a date at all gives (None, True); an empty text gives (None, False)."""
    if not text or not str(text).strip():
        return None, False
    text = normalize(str(text))[0]
    match = _DATE_ALONE.match(text)
    if not match:
        match = re.fullmatch(r"\s*(?P<y>\d{4})-(?P<m>\d{1,2})-(?P<d>\d{1,2})\s*", text)
        if not match:
            return None, True
        return _make_date(match.group("d"), match.group("m"), match.group("y"))
    return _date_from_match(match)


_ISSUER_TOKEN = re.compile(r"[ \t]+|\(|\)|[^\s()]+")


def _read_issuer(text, pos):
    """The issuer named at text[pos:] (just after "của "), and where it ends; (None, pos) if none."""
    if pos >= len(text) or not text[pos].isupper():
        return None, pos
    end, depth, words = pos, 0, 0
    limit = min(len(text), pos + 200)
    for token in _ISSUER_TOKEN.finditer(text, pos, limit):
        value = token.group(0)
        if value[0] in " \t":
            continue
        if value == "(":
            depth += 1
            continue
        if value == ")":
            if depth == 0:
                break
            depth -= 1
            if depth == 0:
                end = token.end()
            continue
        cut = next((k for k, ch in enumerate(value) if ch in _ISSUER_END_CHARS), None)
        word = value if cut is None else value[:cut]
        pair = re.match(r"[ \t]+([^\s;,.:!?()]+)", text[token.end() : limit])
        if depth == 0 and words > 0 and pair and f"{word} {pair.group(1)}" in _ISSUER_STOP_PAIRS:
            break
        if depth == 0 and words > 0 and (word in _ISSUER_STOP or word[:1].isdigit()):
            if (
                word != "và"
                or not re.match(r"[ \t]+[^\W\d_]", text[token.end() :])
                or not (text[token.end() :].lstrip(" \t")[:1].isupper())
            ):
                break
        if word and depth == 0:
            end = token.start() + len(word)
            words += 1
        if cut is not None or words > 14:
            break
    issuer = text[pos:end].strip(" \t*_")
    if len(issuer) < 2:
        return None, pos
    return issuer, end


def _scan(text):
    """Yield (Ref, end_of_token) over NFC text; spans are in `text`."""
    for match in _CITATION.finditer(text):
        word = match.group("word")
        if match.group("blank_symbol") is not None:
            number, symbol, is_party = None, match.group("blank_symbol"), False
        elif match.group("party_number") is not None:
            number, symbol, is_party = match.group("party_number"), match.group("party_symbol"), True
        else:
            number, symbol, is_party = match.group("state_number"), match.group("state_symbol"), False
        end = match.end()
        date, date_text, invalid = None, None, False
        date_match = _DATE_AFTER.match(text, end)
        if date_match:
            date, invalid = _date_from_match(date_match)
            date_text = date_match.group(0).strip(" \t,")
            end = date_match.end()
        issuer = None
        issuer_match = _ISSUER_START.match(text, end)
        if issuer_match:
            issuer, issuer_end = _read_issuer(text, issuer_match.end())
            if issuer:
                end = issuer_end
        yield Ref(
            ref=format_ref(number, symbol, is_party),
            kind=str(_kind(word, symbol, is_party)),
            number=number,
            symbol=symbol,
            is_party=is_party,
            date=date,
            issuer=issuer,
            span=(match.start(), end),
            date_text=date_text,
            date_invalid=invalid,
        )


_LIST_GAP = re.compile(r"\s*(?:,|và|;)?\s*(?:(?i:và)\s+)?$")


def find_refs(text):
    """Every document reference in `text`, in order, with spans in `text` as given."""
    try:
        norm, index_map = normalize(text)
        refs = list(_scan(norm))
    except RecursionError:  # pragma: no cover - the patterns do not recurse; belt and braces
        return []
    # In a list ("Kế hoạch số 71-KH/TU, Kế hoạch số 72-KH/TU của Ban Thường vụ Tỉnh ủy") the
    # issuer written after the last reference belongs to the earlier ones too.
    for i in range(len(refs) - 2, -1, -1):
        current, following = refs[i], refs[i + 1]
        gap = norm[current.span[1] : following.span[0]]
        if (
            current.issuer is None
            and current.date is None
            and following.issuer
            and len(gap) <= 6
            and _LIST_GAP.match(gap)
        ):
            refs[i] = dataclasses.replace(current, issuer=following.issuer)
    if index_map is not None:
        refs = [dataclasses.replace(r, span=(index_map[r.span[0]], index_map[r.span[1]])) for r in refs]
    return refs


def parse_ref(text):
    """One reference typed by a person: "420/KH-STTTT-VP", "Kế hoạch số 18-KH/ĐU ngày 25/3/2020".

    Raises RefError (a ValueError) with a Vietnamese message when it is not exactly one reference.
    """
    if text is None or not str(text).strip():
        raise RefError(_("Chưa nhập số, ký hiệu văn bản."))
    raw = normalize(str(text))[0]
    # People type "420 / KH - STTTT" and "Số: 420/…"; the text of a reference has no such spaces.
    compact = re.sub(r"\s*([/\-])\s*", r"\1", raw.strip())
    refs = list(_scan(compact))
    if len(refs) != 1 or refs[0].span != (0, len(compact)):
        raise RefError(
            _(
                "Số, ký hiệu “{ref}” không đúng dạng. Ví dụ: 420/KH-STTTT-VP (văn bản chính quyền), "
                "04/2015/NĐ-CP, hoặc 18-KH/ĐU (văn bản của Đảng)."
            ).format(ref=raw.strip()[:80])
        )
    return dataclasses.replace(refs[0], span=(0, len(compact)))


def format_ref(number, symbol=None, is_party=None):
    """Canonical text of a reference: format_ref(Ref) or format_ref("420", "KH-STTTT-VP").

    Party documents put a dash between number and symbol: format_ref("18", "KH/ĐU", True) ->
    "18-KH/ĐU". Without `is_party`, a symbol shaped "KH/ĐU" (type/issuer, no year) is taken as Party.
    """
    if isinstance(number, Ref):
        number, symbol, is_party = number.number, number.symbol, number.is_party
    number = unicodedata.normalize("NFC", str(number or "").strip())
    symbol = unicodedata.normalize("NFC", str(symbol or "").strip()).translate(_LOOKALIKES)
    if is_party is None:
        is_party = bool(re.fullmatch(_PARTY_SYMBOL, symbol))
    return f"{number}-{symbol}" if is_party and number else f"{number}/{symbol}"
