"""Every page in Vietnamese, as every kind of user (issue 15): the page walk of
tests/test_every_url.py (test_get_every_url) reads its own responses as each of READERS with
problems() and fails on English tell-tale words, Python reprs and ISO timestamps in what a user
reads; each page is rendered once per user for both files' checks.

What a user reads: the text of the page and the attributes a browser shows or speaks (title,
aria-label, placeholder, alt, the value of a button). Scripts, styles, <code> and the values of
form fields (what the user typed) are not UI text."""

import functools
import html.parser
import re
import unicodedata

import pytest

# Every role of issue 15: the citizen (anonymous), staff, a clerk, a handler, the head, the
# inspector, another agency's clerk, the province officer (snv.chuyenvien, Role.PROVINCE_OFFICER
# over TV) and the system administrator.
READERS = (
    None,
    "stttt.nhanvien",
    "stttt.vanthu",
    "stttt.xuly",
    "stttt.giamdoc",
    "stttt.thanhtra",
    "skhcn.vanthu",
    "snv.chuyenvien",
    "admin",
)
TELLTALE = re.compile(
    r"Select an option|\b(?:None|True|False)\b|\bratio\b"
    # Django's and danchu's English UI words when a string escaped gettext or the catalog.
    r"|This field is required|Enter a valid|Ensure this value|\b(?:Submit|Save|Cancel|Delete|Search|"
    r"Previous|Next|Log ?out|Log ?in|Password|Username|Page \d+ of|Tiếng Anh)\b"
)
# A stored code shown raw: an enum value such as on_time, self_submitted, petition_handler.
RAW_CODE = re.compile(r"(?<![\w./@-])[a-z]+(?:_[a-z]+)+(?![\w./@-])")
ISO_TIMESTAMP = re.compile(r"\d{4}-\d{2}-\d{2}T\d{2}:")
REPR = re.compile(r"\{'|\['")
SHOWN_ATTRIBUTES = ("title", "aria-label", "placeholder", "alt")
NOT_UI = {"script", "style", "code", "pre", "textarea"}


class ShownText(html.parser.HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.skip = 0
        self.stack = []
        self.parts = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        # An element in another language on purpose (the language switch says "English").
        foreign = attrs.get("lang") not in (None, "", "vi")
        if tag in NOT_UI or foreign:
            self.skip += 1
            self.stack.append(tag)
        self.parts += [attrs[a] for a in SHOWN_ATTRIBUTES if attrs.get(a)]
        if tag == "input" and attrs.get("type") in ("submit", "button") and attrs.get("value"):
            self.parts.append(attrs["value"])

    def handle_endtag(self, tag):
        if self.stack and self.stack[-1] == tag:
            self.stack.pop()
            self.skip -= 1

    def handle_data(self, data):
        if not self.skip and data.strip():
            self.parts.append(data)


@functools.cache
def _indicator_codes():
    from danchu.reporting.indicators.definitions import BY_CODE

    return re.compile(r"\b(?:" + "|".join(sorted(map(re.escape, BY_CODE), key=len, reverse=True)) + r")\b")


def problems(page):
    parser = ShownText()
    parser.feed(page)
    found = []
    codes = _indicator_codes()
    for text in parser.parts:
        if match := codes.search(text):
            found.append(f"indicator code: …{text[max(0, match.start() - 30) : match.end() + 30].strip()}…")
        checks = [(TELLTALE, "English"), (ISO_TIMESTAMP, "ISO timestamp"), (REPR, "Python repr")]
        if not match:  # an indicator code is reported once, as such
            checks.append((RAW_CODE, "raw code"))
        for pattern, what in checks:
            if match := pattern.search(text):
                start = max(0, match.start() - 30)
                found.append(f"{what}: …{text[start : match.end() + 30].strip()}…")
    return found


def test_the_checker_catches_each_class():
    page = (
        "<p>- Select an option -</p><td>None</td><p title='ratio'>x</p>"
        "<p>2026-12-01T18:06:43+00:00</p><p>{'2': '10'}</p><p>['TV.SGDDT']</p>"
        "<script>var a = {'x': None}</script><code>letters_received</code><td>letters_received</td>"
    )
    assert len(problems(page)) == 7
    assert problems("<p>Không có</p><textarea>None</textarea><input value='True'>") == []
    assert len(problems("<button>Save</button><p>This field is required.</p><td>on_time</td>")) == 3
    assert problems("<button lang='en'>English</button><p>bao-cao_2020.docx stttt.xuly</p>") == []


@pytest.mark.django_db
def test_the_language_switch_names_each_language_in_its_own_name(client):
    page = client.get("/dang-nhap/").content.decode()
    assert 'lang="en">English</button>' in page and "Tiếng Anh" not in page
    client.post("/i18n/setlang/", {"language": "en", "next": "/dang-nhap/"})
    # Django's own name of Vietnamese is written decomposed: compare the composed forms.
    page = unicodedata.normalize("NFC", client.get("/dang-nhap/").content.decode())
    assert 'lang="vi">Tiếng Việt</button>' in page


def indicator_pages():
    """The walk tries two indicators; add the ratios and a derived percentage, whose pages once
    showed "ratio" and raw codes."""
    from django.urls import reverse

    from danchu.reporting.indicators.definitions import BY_CODE
    from danchu.reporting.models import Report

    codes = [c for c, i in BY_CODE.items() if i.ratio_of][:3] + [
        c for c in ("staff_reduction_pct",) if c in BY_CODE
    ]
    reports = Report.objects.filter(organization__code="TV.STTTT").order_by("-pk")[:1]
    return [reverse("reporting:indicator", args=[r.uuid, c]) for r in reports for c in codes]
