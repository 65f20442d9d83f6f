import datetime
import io

import pytest
from django.core.cache import cache
from django.core.files.uploadedfile import SimpleUploadedFile

from conftest import make_user
from danchu.orgs.models import Role
from danchu.petitions import actions
from danchu.petitions.models import Kind, Outcome

D = datetime.date
MAR_2, MAR_9, APR_1 = D(2026, 3, 2), D(2026, 3, 9), D(2026, 4, 1)
PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64
IDENTITY = {
    "full_name": "Trần Văn Bímật",
    "address": "Số 9 đường Kín, phường Ẩn",
    "phone": "0911000999",
    "email": "bimat@example.com",
    "id_number": "084199000123",
}


def pdf(name="don.pdf"):
    return SimpleUploadedFile(name, PDF, content_type="application/pdf")


@pytest.fixture(autouse=True)
def _clear_cache():
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def w(world):
    world.handler_a2 = make_user("handler_a2", Role.PETITION_HANDLER, world.a)
    return world


@pytest.fixture
def new_petition(w):
    def make(kind=Kind.COMPLAINT, received=MAR_2, identity=IDENTITY, org=None, **kw):
        return actions.register(
            org or w.a,
            actor=w.clerk_a,
            kind=kind,
            channel=kw.pop("channel", "paper"),
            received_on=received,
            subject=kw.pop("subject", "Khiếu nại quyết định hành chính"),
            content=kw.pop("content", "Nội dung đơn"),
            identity=None if kw.get("is_anonymous") else identity,
            **kw,
        )

    return make


@pytest.fixture
def accepted_petition(w, new_petition):
    def make(kind=Kind.COMPLAINT, received=MAR_2, accepted=MAR_9, answer_due=None, **kw):
        p = new_petition(kind=kind, received=received, **kw)
        actions.classify(p, actor=w.clerk_a, outcome=Outcome.ACCEPT, on=received)
        actions.assign(p, actor=w.clerk_a, handler=w.handler_a, on=received)
        if kind == Kind.FEEDBACK and answer_due is None:
            answer_due = accepted + datetime.timedelta(days=15)
        return actions.accept(p, actor=w.handler_a, on=accepted, answer_due=answer_due)

    return make


@pytest.fixture
def answer_doc(w):
    from danchu.documents.models import Document

    def make(number="101", day=APR_1):
        return Document.objects.create(
            organization=w.a,
            kind="CV",
            number=number,
            symbol="SA-TTra",
            issued_on=day,
            subject="V/v trả lời đơn",
        )

    return make


def as_bytes(upload):
    upload.seek(0)
    return io.BytesIO(upload.read())
