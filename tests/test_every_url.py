"""Walk every URL of the project over the full demo data, as every kind of user.

GET: never a 500; anonymous users get the login page or a public page; a clerk of another agency
never gets a 200 on a detail page of a TV.STTTT record. POST: garbage to every URL as users allowed
to use it: never a 500, and nothing half-stored when the answer is an error.
"""

import collections
import functools
import html.parser
import uuid as uuidlib

import pytest
from django.apps import apps
from django.contrib.auth import get_user_model
from django.db import transaction
from django.test import Client, override_settings
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from .test_vietnamese_ui import READERS, indicator_pages, problems

# The REST API answers JSON (401 without a token, never a login redirect) and is walked by its own
# schema-driven test instead (danchu/api/tests/test_schemathesis.py); its token page is walked here.
SKIP_PREFIXES = ("quan-tri/", "i18n/", "api/v1/")
PUBLIC_PREFIXES = ("/don-thu/gui/", "/don-thu/tra-cuu/", "/healthz", "/dang-nhap/", "/dang-xuat/")
VICTIM = "TV.STTTT"
OUTSIDERS = ("stp.vanthu", "skhcn.vanthu", "sgddt.vanthu")
USERS = (None, "stttt.nhanvien", *OUTSIDERS, "snv.chuyenvien", "admin")
# Users of the victim agency who may act in it (POST): each URL is tried with all of them.
ACTORS = ("admin", "stttt.giamdoc", "stttt.vanthu", "stttt.xuly", "stttt.thanhtra", "snv.chuyenvien")


# ---------------------------------------------------------------------------------------------
# The URL patterns


def walk(resolver=None, prefix="", namespace=""):
    resolver = resolver or get_resolver()
    for pattern in resolver.url_patterns:
        route = prefix + str(pattern.pattern)
        if isinstance(pattern, URLResolver):
            if route.startswith(SKIP_PREFIXES):
                continue
            ns = namespace
            if pattern.namespace:
                ns = f"{namespace}:{pattern.namespace}" if namespace else pattern.namespace
            yield from walk(pattern, route, ns)
        elif isinstance(pattern, URLPattern):
            name = f"{namespace}:{pattern.name}" if namespace else pattern.name
            VIEW_KEYS[name] = view_key(pattern)
            yield name, route, dict(pattern.pattern.converters)


# URL name -> the view behind it (filled by walk()).
VIEW_KEYS = {}
# The register views whose form differs with the register (its own fields): one key per register.
REGISTER_FORM_VIEWS = ("edit_view", "import_view")


def view_key(pattern):
    """The code a URL runs: its view function or class; a register's shared views
    (danchu/core/registers.py) count once for every register, except those showing the
    register's own form, which count once per register."""
    callback = pattern.callback
    view = getattr(callback, "view_class", None) or getattr(callback, "__wrapped__", callback)
    cells = (
        dict(zip(view.__code__.co_freevars, (c.cell_contents for c in view.__closure__ or ()), strict=True))
        if hasattr(view, "__code__")
        else {}
    )
    if "register" in cells and "view" in cells:
        inner = cells["view"]
        register = cells["register"].name if inner.__name__ in REGISTER_FORM_VIEWS else None
        return (inner.__module__, inner.__qualname__, register)
    return (getattr(view, "__module__", ""), getattr(view, "__qualname__", repr(view)), None)


def one_per_view(patterns):
    """The first URL pattern of each view (see view_key): each view meets each class of bad input
    once, not once per URL that reaches it."""
    seen = set()
    for pattern in patterns:
        key = VIEW_KEYS[pattern[0]]
        if key not in seen:
            seen.add(key)
            yield pattern


@functools.cache
def all_patterns():
    """The URL patterns to walk, the destructive ones last (the URL conf never changes)."""
    return tuple(sorted(walk(), key=lambda p: (_destructive(p[0]), p[0])))


def _destructive(name):
    return any(word in name for word in ("delete", "remove", "override_delete"))


# ---------------------------------------------------------------------------------------------
# Real values for the path converters


def _register_models():
    from danchu.activities.registers import REGISTERS as activities
    from danchu.oversight.registers import REGISTERS as oversight

    result = {}
    for ns, registers in (("oversight", oversight), ("activities", activities)):
        for register in registers:
            result[f"{ns}:{register.name}_"] = (register.model, register.org_field)
    return result


def model_for(name):
    """(model, org_field) whose uuid the URL `name` takes, or None."""
    from danchu.consolidation.models import ReportRequest, ScoringScheme, Submission
    from danchu.documents.models import Document
    from danchu.participation import models as pm
    from danchu.petitions.models import Petition
    from danchu.reporting.models import Report

    for prefix, value in _register_models().items():
        if name.startswith(prefix):
            return value
    ns, _sep, short = name.partition(":")
    if ns == "documents":
        return Document, "organization"
    if ns == "petitions":
        return Petition, "organization"
    if ns == "reporting":
        return Report, "organization"
    if ns == "participation":
        for prefix, model in (
            ("disclosure", pm.Disclosure),
            ("consultation", pm.Consultation),
            ("vote", pm.Vote),
            ("conference", pm.StaffConference),
            ("recommendation", pm.Recommendation),
        ):
            if short.startswith(prefix):
                return model, "organization"
    if ns == "ingest":
        if short == "reading":
            from danchu.ingest.models import Reading

            return Reading, "organization"
        return ReportRequest, "requesting_org"
    if ns == "consolidation":
        if short in ("submission", "submission_file", "review"):
            return Submission, "organization"
        if short in ("scheme", "assessment"):
            return ScoringScheme, None
        return ReportRequest, "requesting_org"
    return None


def org_of(obj, org_field):
    if org_field is None:
        return None
    value = obj
    for part in org_field.split("__"):
        value = getattr(value, part)
    return value


def sample_objects(model, org_field):
    """Up to two records of the victim agency and one of another organisation."""
    if org_field is None:
        return list(model.objects.order_by("pk")[:2])
    qs = model.objects.select_related(org_field).order_by("pk")
    victim = list(qs.filter(**{f"{org_field}__code": VICTIM})[:2])
    other = list(qs.exclude(**{f"{org_field}__code": VICTIM})[:1])
    return victim + other


def child_pks(obj):
    """Primary keys of the first record of each one-to-many relation of `obj`."""
    pks = set()
    for rel in obj._meta.related_objects:
        if rel.one_to_many:
            first = getattr(obj, rel.get_accessor_name()).order_by("pk").first()
            if first is not None:
                pks.add(first.pk)
    return sorted(pks)


def string_values(name, param):
    from danchu.orgs.models import Organization
    from danchu.petitions import views as petition_views
    from danchu.reporting import views as reporting_views
    from danchu.reporting.indicators.definitions import BY_CODE

    if name == "orgs:detail":
        return [VICTIM, "TV.STP", "TV"]
    if param == "code":
        return list(BY_CODE)[:2]
    if param == "step":
        return ["accept", "return"] if name.startswith("consolidation") else list(reporting_views.TRANSITIONS)
    if param == "fmt":
        return ["xlsx", "docx"]
    if param == "name":
        return list(petition_views.ACTION_FORMS)
    if param == "key":
        return ["received_total", "reception_sessions"]
    if param == "report_type":
        return ["annual"]
    if param == "framework":
        return ["qd_2020", "nd_59"]
    del Organization
    return []


def url_cases(name, converters):
    """(url, obj_org_code or None, is_garbage) for a URL pattern."""
    from danchu.legal.models import CalendarOverride
    from danchu.orgs.models import Organization
    from danchu.reporting.models import ReportTemplate

    cases = []
    garbage = {}
    for param, conv in converters.items():
        kind = type(conv).__name__
        garbage[param] = {
            "UUIDConverter": str(uuidlib.uuid4()),
            "IntConverter": 0,
        }.get(kind, "abc")
    # garbage values, one parameter at a time and all at once
    cases.append((_reverse(name, garbage), None, True))
    uuid_params = [p for p, c in converters.items() if type(c).__name__ == "UUIDConverter"]
    int_params = [p for p, c in converters.items() if type(c).__name__ == "IntConverter"]
    str_params = [p for p in converters if p not in uuid_params and p not in int_params]

    main = next((p for p in uuid_params if p != "org"), None)
    objects = [(None, None)]
    if main:
        target = model_for(name)
        if target is None:
            return cases
        model, org_field = target
        objects = [(o, org_of(o, org_field)) for o in sample_objects(model, org_field)]
    for obj, org in objects:
        kwargs = {}
        if obj is not None:
            kwargs[main] = str(obj.uuid)
        if "org" in uuid_params:
            orgs = list(Organization.objects.filter(code__in=[VICTIM, "TV.STP"]).order_by("code"))
            org_kwargs = [str(o.uuid) for o in orgs]
        else:
            org_kwargs = [None]
        int_values = {}
        for param in int_params:
            if param == "year":
                int_values[param] = [2020, 1]
            elif name == "legal:override_delete":
                int_values[param] = list(CalendarOverride.objects.values_list("pk", flat=True)[:1])
            elif param == "template_id":
                int_values[param] = list(ReportTemplate.objects.values_list("pk", flat=True)[:1])
            elif obj is not None:
                int_values[param] = child_pks(obj)[:6]
            else:
                int_values[param] = []
        str_values = {param: string_values(name, param) for param in str_params}
        for org_uuid in org_kwargs:
            base = dict(kwargs)
            if org_uuid:
                base["org"] = org_uuid
            combos = [base]
            for param, values in {**int_values, **str_values}.items():
                combos = [{**c, param: v} for c in combos for v in values]
            for combo in combos:
                if set(combo) == set(converters):
                    owner = org.code if org is not None else None
                    if name == "orgs:detail":
                        owner = combo["code"]
                    cases.append((_reverse(name, combo), owner, False))
        # the real parent with garbage children
        if obj is not None and (int_params or str_params):
            combo = {**garbage, main: str(obj.uuid)}
            cases.append((_reverse(name, combo), None, True))
    return cases


# The cases of every pattern in the demo's state, for the tests that only GET. Each test starts
# from the demo's state (the rollback of the one before), so cases computed at the start of any
# test hold at the start of every test; a walk that only reads never changes the records url_cases
# samples, so they hold throughout it. The POSTs may store and delete records: test_post_garbage
# computes its own, each pattern's just before it posts to it.
_DEMO_CASES = {}


def demo_cases():
    """{name: url_cases(name, converters)} for all_patterns(), computed once per module; call it
    at the start of a test, before any request."""
    if not _DEMO_CASES:
        _DEMO_CASES.update((name, url_cases(name, conv)) for name, _route, conv in all_patterns())
    return _DEMO_CASES


def _reverse(name, kwargs):
    return reverse(name, kwargs=kwargs)


# ---------------------------------------------------------------------------------------------
# Fixtures


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker, tmp_path_factory, demo_snapshots):
    """The whole demo for the module: the session's snapshot restored in a module-long transaction."""
    media = tmp_path_factory.mktemp("media")
    with (
        override_settings(
            MEDIA_ROOT=media,
            PASSWORD_HASHERS=["django.contrib.auth.hashers.MD5PasswordHasher"],
            MAILERS={"default": {"BACKEND": "django.core.mail.backends.locmem.EmailBackend"}},
        ),
        django_db_blocker.unblock(),
        transaction.atomic(),
    ):
        demo_snapshots.restore("full", media_root=media)
        from django.db import connection

        if connection.vendor == "postgresql":
            # Statistics for the rows just written, as autovacuum keeps them in production: planned
            # over tables PostgreSQL believes empty, the request list's DISTINCT took 80 ms a page.
            with connection.cursor() as cursor:
                cursor.execute("ANALYZE")
        _DEMO_CASES.clear()
        _DEMO_SECRETS.clear()
        from danchu.legal import calendar

        calendar.clear_cache()
        yield media
        transaction.set_rollback(True)
    calendar.clear_cache()


@pytest.fixture
def demo_db(demo, _test_settings, settings, db, monkeypatch):
    from django.core.cache import cache
    from django.template import Template

    settings.MEDIA_ROOT = demo
    # No test here reads response.templates or response.context: the test client need not copy
    # the context of each of the thousands of templates the walk renders. Django keeps the render
    # it replaced in _TestState.saved_data (no longer Template._original_render, which this read
    # until 3 December, so nothing was switched off): the assert says if that moves again.
    from django.test.utils import _TestState, instrumented_test_render

    monkeypatch.setattr(Template, "_render", _TestState.saved_data.template_render)
    assert Template._render is not instrumented_test_render
    yield demo
    cache.clear()  # the public forms' rate limits must not follow into other tests


def user(username):
    return get_user_model().objects.get(username=username) if username else None


def client_as(client, username):
    client.logout()
    if username:
        client.force_login(user(username))
    return client


# ---------------------------------------------------------------------------------------------
# GET


def _is_detail(name, converters):
    return any(type(c).__name__ == "UUIDConverter" for c in converters.values()) or name == "orgs:detail"


def denouncer_secrets():
    """The phone numbers, e-mails and ID numbers of the demo's denouncers (decrypted)."""
    from danchu.petitions import crypto
    from danchu.petitions.models import Kind, SenderIdentity

    found = set()
    for identity in SenderIdentity.objects.filter(petition__kind=Kind.DENUNCIATION):
        data = crypto.decrypt_json(identity.ciphertext)
        found.update(v for k, v in data.items() if k in ("phone", "email", "id_number") and v and len(v) >= 6)
    return found


_DEMO_SECRETS = set()


def demo_secrets():
    """denouncer_secrets() in the demo's state, once per module (as demo_cases)."""
    if not _DEMO_SECRETS:
        _DEMO_SECRETS.update(denouncer_secrets())
    return _DEMO_SECRETS


def response_text(response):
    content = b"".join(response.streaming_content) if response.streaming else response.content
    if response.get("Content-Type", "").startswith("application/vnd.openxmlformats"):
        import io
        import zipfile

        with zipfile.ZipFile(io.BytesIO(content)) as archive:
            return " ".join(archive.read(n).decode() for n in archive.namelist() if n.endswith(".xml"))
    return content.decode(errors="replace")


def test_denouncer_identity_never_in_the_trail_or_notifications(demo_db):
    from danchu.audit.models import AuditEvent
    from danchu.notifications.models import Notification

    secrets = denouncer_secrets()
    assert secrets, "the demo has denunciations with a known sender"
    stored = " ".join(f"{e.changes} {e.reason} {e.verb}" for e in AuditEvent.objects.all()) + " ".join(
        Notification.objects.values_list("message", flat=True)
    )
    assert not [s for s in secrets if s in stored]


# The Vietnamese check (tests/test_vietnamese_ui.py) reads the pages of this walk as every role of
# issue 15: each page is rendered once per user, for both checks.
WALKERS = USERS + tuple(u for u in READERS if u not in USERS)
NOT_READ = ("delete", "remove", "logout")


def read_cases(name, cases):
    """The positions in `cases` (url_cases) the Vietnamese check reads, and the extra pages it
    reads for `name`: the first three real URLs of each pattern but a destructive one, and, for an
    indicator, the ratio indicators' pages."""
    if any(word in name for word in NOT_READ):
        return set(), []
    extra = indicator_pages() if name == "reporting:indicator" else []
    return {i for i, (_url, _owner, garbage) in enumerate(cases[:3]) if not garbage}, extra


@pytest.mark.parametrize("username", WALKERS, ids=[u or "anonymous" for u in WALKERS])
def test_get_every_url(demo_db, client, username):
    """As each user of USERS, every URL: never a 500, never a denouncer's contact, anonymous users
    sent to the login page, outsiders never shown a TV.STTTT record. As each user of READERS, the
    pages of read_cases() read in Vietnamese (tests/test_vietnamese_ui.problems)."""
    cases_of = demo_cases()
    secrets = demo_secrets()
    client = client_as(client, username)
    walks, reads = username in USERS, username in READERS
    failures, unread = [], []
    for name, _route, converters in all_patterns():
        cases = cases_of[name]
        read, extra = read_cases(name, cases) if reads else (set(), [])
        for i, (url, owner, _garbage) in enumerate(cases + [(url, None, True) for url in extra]):
            walked, is_read = walks and i < len(cases), i in read or i >= len(cases)
            if not walked and not is_read:
                continue
            try:
                response = client.get(url)
            except Exception as exc:  # noqa: BLE001 - report every crash, not only the first
                if not walked:
                    raise
                failures.append(f"{url}: raised {exc!r}")
                continue
            status = response.status_code
            if is_read and status == 200 and response.get("Content-Type", "").startswith("text/html"):
                unread += [f"{url}: {p}" for p in problems(response.content.decode())]
            if not walked:
                continue
            if status == 200:
                text = response_text(response)
                failures += [f"{url}: shows a denouncer's {s!r}" for s in secrets if s in text]
            if status >= 500:
                failures.append(f"{url}: {status}")
            elif username is None:
                public = url.startswith(PUBLIC_PREFIXES)
                to_login = status == 302 and response["Location"].startswith(reverse("login"))
                if not public and not to_login:
                    failures.append(f"{url}: anonymous got {status}")
            elif (
                username in OUTSIDERS
                and owner
                and owner.startswith(VICTIM)
                and status == 200
                and _is_detail(name, converters)
            ):
                failures.append(f"{url}: {username} got 200 on a {VICTIM} record")
    assert not failures, "\n".join(failures)
    assert not unread, "\n".join(sorted(set(unread)))


# ---------------------------------------------------------------------------------------------
# GET with bad parameters (issue 14)

# The classes of bad input that answered 500: a year 0 or beyond datetime's range, digits that
# str.isdigit() accepts and int() refuses, numbers that overflow SQLite and PostgreSQL integers,
# and NUL, which PostgreSQL refuses in any string.
BAD_VALUES = ("0", "99999", "²", "99999999999999999999", "-1", "\x00", "abc")
BAD_QUERIES = ("year", "handler", "page", "q", "org", "period", "kind", "status", "month")


class GetFormFields(html.parser.HTMLParser):
    """The names of the fields of the GET forms (the filters) of a page."""

    def __init__(self):
        super().__init__()
        self.in_form = False
        self.names = set()

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form":
            self.in_form = attrs.get("method", "get").lower() == "get"
        elif self.in_form and tag in ("input", "select", "textarea") and attrs.get("name"):
            self.names.add(attrs["name"])

    def handle_endtag(self, tag):
        if tag == "form":
            self.in_form = False


class QueryReads:
    """What one request reads of its query string: the names it asks `request.GET` (or a copy of
    it) for, and whether it reads it whole (iterates, copies, encodes, compares or measures it),
    recorded by wrapping QueryDict's readers while the request runs. A page that reads nothing of
    it acts the same whatever the query says, so the bad values are sent only to pages that read
    their query (the shell's echo of the full path, the same on every page, is tried on those)."""

    BY_NAME = ("__getitem__", "get", "getlist", "_getlist", "__contains__", "pop", "setdefault")
    WHOLE = ("__iter__", "keys", "items", "lists", "values", "dict", "copy", "__copy__", "__deepcopy__")
    WHOLE += ("urlencode", "__len__", "__eq__", "__getstate__", "__reduce_ex__")

    def __init__(self):
        self.names, self.whole = set(), False

    def __enter__(self):
        from django.http import QueryDict

        self.patch = pytest.MonkeyPatch()
        for attr in self.BY_NAME + self.WHOLE:
            self.patch.setattr(
                QueryDict, attr, self._recording(getattr(QueryDict, attr), attr in self.BY_NAME)
            )
        return self

    def __exit__(self, *exc):
        self.patch.undo()

    def _recording(self, original, by_name):
        def read(query, *args, **kwargs):
            if by_name and args:
                self.names.add(args[0])
            else:
                self.whole = True
            return original(query, *args, **kwargs)

        return read

    def __bool__(self):
        return self.whole or bool(self.names)


def test_the_query_reads_see_a_filter_and_nothing_on_a_page_without_one(demo_db, client):
    """QueryReads is not blind: it sees the names a list asks for (its page), a test of whether the
    query is empty (`request.GET or None`, the report list's filter form), a copy (the document
    list's), and nothing on a report's page."""
    from danchu.reporting.models import Report

    client = client_as(client, "stttt.vanthu")
    with QueryReads() as reads:
        assert client.get(reverse("reporting:list")).status_code == 200
    assert reads.whole and "page" in reads.names
    with QueryReads() as reads:
        assert client.get(reverse("documents:list")).status_code == 200
    assert reads.whole
    report = Report.objects.filter(organization__code=VICTIM).first()
    with QueryReads() as reads:
        assert client.get(reverse("reporting:detail", args=[report.uuid])).status_code == 200
    assert not reads


@pytest.mark.parametrize("username", ("stttt.giamdoc", "admin"))
def test_get_every_list_with_bad_parameters(demo_db, client, username):
    """Each bad value in every known parameter at once on every view's page that reads its query
    (QueryReads); then, as the system admin (who sees every filter), in each field of each page's
    filter form, one at a time."""
    import urllib.parse

    cases_of = demo_cases()
    client = client_as(client, username)
    failures = []
    urls = ["/co-quan/%00/", "/co-quan/TV%00/"]
    for name, _route, _converters in one_per_view(all_patterns()):
        real = [c for c in cases_of[name] if not c[2]]
        real.sort(key=lambda c: not (c[1] or "").startswith(VICTIM))
        urls += [url for url, _owner, _garbage in real[:1]]

    def get(url, query):
        target = f"{url}{'&' if '?' in url else '?'}{urllib.parse.urlencode(query)}" if query else url
        try:
            response = client.get(target)
        except Exception as exc:  # noqa: BLE001 - report every crash, not only the first
            failures.append(f"{target}: raised {exc!r}")
            return None
        if response.status_code >= 500:
            failures.append(f"{target}: {response.status_code}")
        return response

    swept = 0
    for url in urls:
        with QueryReads() as reads:
            page = get(url, {})
        if page is None or page.status_code >= 500 or not reads:
            continue
        swept += 1
        fields = set()
        if page.status_code == 200 and page.get("Content-Type", "").startswith("text/html"):
            parser = GetFormFields()
            parser.feed(page.content.decode())
            fields = parser.names
        for value in BAD_VALUES:
            get(url, dict.fromkeys(sorted(set(BAD_QUERIES) | fields), value))
        if username != "admin":
            continue
        for param in sorted(fields):
            for value in BAD_VALUES:
                get(url, {param: value})
    assert not failures, "\n".join(failures)
    assert swept >= 20, f"only {swept} of {len(urls)} pages read their query"


# ---------------------------------------------------------------------------------------------
# POST


class FormFields(html.parser.HTMLParser):
    """The names of the fields of the forms of a page that post to `path` (or to themselves)."""

    def __init__(self, path):
        super().__init__()
        self.path = path
        self.in_form = False
        self.fields = {}  # name -> (tag, type, options)
        self.select = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form":
            action = attrs.get("action") or ""
            self.in_form = (attrs.get("method", "get").lower() == "post") and action in ("", self.path)
        elif not self.in_form or not attrs.get("name"):
            if tag == "option" and self.select:
                self.fields[self.select][2].append(attrs.get("value", ""))
            return
        elif tag in ("input", "textarea", "select"):
            kind = attrs.get("type", tag) if tag == "input" else tag
            self.fields.setdefault(attrs["name"], (tag, kind, []))
            self.select = attrs["name"] if tag == "select" else None

    def handle_endtag(self, tag):
        if tag == "form":
            self.in_form = False
        elif tag == "select":
            self.select = None


def payloads(fields):
    """The bad-input classes of _payloads(fields), each distinct payload at most twice: a page with
    no field to fill (a button's form) gets the empty POST once, then once more on what the first
    one left (a second click), not once per class."""
    sent = collections.Counter()
    for label, data in _payloads(fields):
        key = tuple(
            sorted((name, value if isinstance(value, str) else id(value)) for name, value in data.items())
        )
        sent[key] += 1
        if sent[key] <= 2:
            yield label, data


def _payloads(fields):
    from django.core.files.uploadedfile import SimpleUploadedFile

    def bad_file():
        return SimpleUploadedFile("x.pdf", b"\xff\xfe\x00garbage \x81\x82 not a pdf", "application/pdf")

    names = [n for n, (_t, kind, _o) in fields.items() if kind not in ("submit", "button", "hidden")]
    hidden = {
        n: "" for n, (_t, kind, _o) in fields.items() if kind == "hidden" and n != "csrfmiddlewaretoken"
    }
    files = [n for n, (_t, kind, _o) in fields.items() if kind == "file"]
    yield "empty", {}
    yield "random", {**hidden, **{n: "x@y;'\"<z>" for n in names if n not in files}}
    yield "huge", {n: "Đ" * 200_000 for n in names if n not in files}
    yield "dates", {n: "31/02/2020" for n in names if n not in files}
    yield "negative", {n: "-5" for n in names if n not in files}
    # issue 14: numbers that str.isdigit() accepts and int() refuses, or that overflow the database
    yield "superscript", {**hidden, **{n: "²" for n in names if n not in files}}
    yield "overflow", {**hidden, **{n: "99999999999999999999" for n in names if n not in files}}
    yield "nul", {**hidden, **{n: "a\x00b" for n in names if n not in files}}
    if hidden:
        yield "hidden", {**{n: "1" for n in names if n not in files}, **{n: "abc" for n in hidden}}
    if files:
        yield "file", {**{n: "1" for n in names if n not in files}, **{n: bad_file() for n in files}}


def _counted_models():
    # Rate-limit counters count every attempt, refused ones too (that is their purpose).
    return [
        m
        for m in apps.get_models()
        if m.__module__.startswith("danchu.") and m._meta.label != "core.ThrottleCounter"
    ]


def row_counts():
    """The number of rows of every table of danchu's models, in one query."""
    from django.db import connection

    models = _counted_models()
    qn = connection.ops.quote_name
    sql = " UNION ALL ".join(
        f"SELECT {i}, COUNT(*) FROM {qn(m._meta.db_table)}" for i, m in enumerate(models)
    )
    with connection.cursor() as cursor:
        cursor.execute(sql)
        found = dict(cursor.fetchall())
    return {m._meta.label: found[i] for i, m in enumerate(models)}


# What a change detector reads: a number that moves whenever a row may have been inserted or
# deleted on this connection (it may move when none was: the rows are then recounted for nothing).
# SQLite's total_changes() counts every row inserted, updated or deleted on the connection, by
# triggers too, and never decreases. PostgreSQL's pg_stat_xact_user_tables counts the tuples the
# current transaction inserted and deleted, in rolled-back savepoints too: it never decreases in
# a transaction but a TRUNCATE, which starts a table's counts afresh (so the marks are compared
# for inequality, not growth); it starts from zero in each transaction, hence the check that one
# is open (the `demo` fixture's, around the whole module). It is read for the counted tables only,
# through the functions behind that view: the whole view cost about 1 ms a reading, and a session
# written at each change of user moved it for nothing.
@functools.cache
def _change_counter(vendor):
    if vendor == "sqlite":
        return "SELECT total_changes()"
    if vendor == "postgresql":
        from django.db import connection

        tables = ", ".join(f"'{connection.ops.quote_name(m._meta.db_table)}'" for m in _counted_models())
        return (
            "SELECT COALESCE(SUM(pg_stat_get_xact_tuples_inserted(t) + pg_stat_get_xact_tuples_deleted(t)), 0) "
            f"FROM unnest(ARRAY[{tables}]::regclass[]) t"
        )
    return None


def change_mark():
    """The change detector's reading with the savepoints open (a rollback to one removes rows
    without moving the number), or None when there is no detector (then every count is made)."""
    from django.db import connection

    sql = _change_counter(connection.vendor)
    if sql is None or not connection.in_atomic_block:
        return None
    with connection.cursor() as cursor:
        cursor.execute(sql)
        return cursor.fetchone()[0], tuple(connection.savepoint_ids)


class RowCounts:
    """row_counts(), counted again only when change_mark() moved since the last count: an
    unchanged database costs one query. One per test, as the rollback that ends a test removes
    rows without moving the number (and a savepoint a view opens by hand, not as an atomic
    block, opens and closes inside one request, between two readings)."""

    def __init__(self):
        self.mark = self.counts = None
        self.recounts = 0

    def __call__(self):
        mark = change_mark()
        if mark is None or mark != self.mark or self.counts is None:
            self.counts = row_counts()
            self.mark = mark
            self.recounts += 1
        return self.counts


def _cases_for_post(name, converters):
    cases = url_cases(name, converters)
    real = [c for c in cases if not c[2]]
    # the victim agency's records first; two real URLs and one garbage one per pattern
    real.sort(key=lambda c: not (c[1] or "").startswith(VICTIM))
    return real[:1] + [c for c in cases if c[2]][:1]


NAMESPACES = sorted({n.partition(":")[0] for n, _r, _c in walk() if ":" in n}) + [""]


def signed_out(response):
    """Whether the request went in with no one signed in (False when no middleware looked: a path
    with a NUL is refused before the session is read)."""
    user = getattr(response.wsgi_request, "user", None)
    return user is not None and not user.is_authenticated


def test_signed_out_tells_a_request_made_with_no_one_signed_in(demo_db, client):
    client = client_as(client, "stttt.vanthu")
    assert not signed_out(client.get(reverse("home")))
    client.logout()
    assert signed_out(client.get(reverse("home")))
    assert not signed_out(client.get("/co-quan/%00/"))  # refused before the session is read


class Clients(dict):
    """One test client per user, each signed in once: the URLs try the actors in turn, and signing
    in again at each change of user cost a session deleted, one created and the user looked up."""

    def __missing__(self, username):
        self[username] = client_as(Client(), username)
        return self[username]


@pytest.mark.parametrize("namespace", NAMESPACES, ids=[n or "root" for n in NAMESPACES])
def test_post_garbage(demo_db, namespace):
    failures = []
    counts = RowCounts()
    clients = Clients()
    patterns = [
        p
        for p in one_per_view(all_patterns())
        if (p[0].partition(":")[0] if ":" in p[0] else "") == namespace
    ]
    for name, _route, converters in patterns:
        if name in ("logout", "orgs:detail", "orgs:detail_active"):
            continue
        for url, _owner, _garbage in _cases_for_post(name, converters):
            allowed = 0
            for username in ACTORS:
                if allowed >= 1:  # one user allowed to use the URL is enough
                    break
                client = clients[username]
                page = client.get(url)
                if signed_out(page):  # the last POST to the URL before ended the session
                    page = client_as(client, username).get(url)
                parser = FormFields(url)
                if page.status_code == 200 and page.get("Content-Type", "").startswith("text/html"):
                    parser.feed(page.content.decode())
                for label, data in payloads(parser.fields):
                    before = counts()
                    try:
                        response = client.post(url, data)
                        if signed_out(response):  # a POST before this one ended the session
                            response = client_as(client, username).post(url, data)
                    except Exception as exc:  # noqa: BLE001 - report every crash, not only the first
                        failures.append(f"{username} POST {label} {url}: raised {exc!r}")
                        continue
                    status = response.status_code
                    if label == "empty" and status in (403, 404, 405):
                        break  # not allowed (or not a POST URL): the next user
                    if status >= 500:
                        failures.append(f"{username} POST {label} {url}: {status}")
                    is_page = response.get("Content-Type", "").startswith("text/html")
                    if status >= 400 or (status == 200 and is_page):
                        after = counts()
                        changed = {k: (before[k], after[k]) for k in before if before[k] != after[k]}
                        if name == "petitions:reveal":  # a reveal is itself recorded
                            changed.pop("audit.AuditEvent", None)
                        if changed:
                            failures.append(
                                f"{username} POST {label} {url}: error {status} but stored {changed}"
                            )
                else:
                    allowed += 1
    assert not failures, "\n".join(failures)


def test_the_row_counts_see_every_row_stored_or_removed(demo_db, django_assert_num_queries):
    """RowCounts, which test_post_garbage compares around each POST: one query while nothing was
    written, and the exact counts (those of row_counts()) after a row is stored, removed, or
    stored in a savepoint rolled back."""
    from danchu.notifications.models import Notification

    counts = RowCounts()
    first = counts()
    assert first == row_counts()
    with django_assert_num_queries(1):
        assert counts() is first
    label = Notification._meta.label
    with transaction.atomic():
        note = Notification.objects.create(kind="test", message="x")
    stored = counts()
    assert stored[label] == first[label] + 1 and stored == row_counts()
    with django_assert_num_queries(1):
        assert counts() is stored
    note.delete()
    assert counts() == first == row_counts()
    with transaction.atomic():
        Notification.objects.create(kind="test", message="x")
        assert counts()[label] == first[label] + 1
        transaction.set_rollback(True)
    assert counts() == first == row_counts()
    assert counts.recounts == 5


def test_a_submitted_report_stays_frozen(demo_db, client):
    import hashlib

    from danchu.reporting.models import Report, ReportStatus
    from danchu.reporting.outline import outline_for

    def frozen(report):
        snap = report.snapshot
        snap.refresh_from_db()
        files = {f.format: hashlib.sha256(f.file.open("rb").read()).hexdigest() for f in snap.files.all()}
        report.refresh_from_db()
        return snap.values, snap.content, files, report.status, report.title, report.reference

    report = Report.objects.filter(status=ReportStatus.SUBMITTED, organization__code=VICTIM).first()
    assert report is not None, "the demo has a submitted report"
    before = frozen(report)
    sections = [s.key for s in outline_for(report.framework) if s.narrative]
    posts = [
        (reverse("reporting:settings", args=[report.uuid]), {"title": "Sửa sau khi gửi", "signer_name": "X"}),
        (reverse("reporting:sections", args=[report.uuid]), {f"section-{k}": "Sửa" for k in sections}),
        (reverse("reporting:sections", args=[report.uuid]), {"key": sections[0], "text": "Sửa"}),
        (reverse("reporting:build_start", args=[report.uuid]), {"formats": "docx,xlsx"}),
    ]
    for code in list(before[0].get("values", {}))[:5]:
        url = reverse("reporting:indicator", args=[report.uuid, code])
        posts += [(url, {"value": "999", "reason": "Sửa sau khi gửi"}), (url, {"clear": "1"})]
    for step in ("review", "return", "sign", "submit"):
        posts.append((reverse("reporting:transition", args=[report.uuid, step]), {"reason": "x"}))
    for username in ("stttt.giamdoc", "stttt.vanthu", "admin"):
        client = client_as(client, username)
        for url, data in posts:
            assert client.post(url, data).status_code < 500, url
    assert frozen(report) == before
