"""The sender's identity: encrypted at rest, revealed only with a reason and an audit row,
never in lists, exports, public pages, audit diffs, notifications or logs."""

import datetime
import io
import json
import logging

import openpyxl
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.urls import reverse

from danchu.audit.models import AuditAction, AuditEvent
from danchu.notifications.models import Notification
from danchu.petitions import actions
from danchu.petitions.models import IdentityScan, Kind, Outcome, SenderIdentity
from danchu.petitions.reminders import raise_reminders

from .conftest import IDENTITY, PNG

D = datetime.date
NAME = IDENTITY["full_name"]


def denunciation(w, new_petition, **kw):
    p = new_petition(kind=Kind.DENUNCIATION, received=D(2026, 11, 20), **kw)
    actions.assign(p, actor=w.clerk_a, handler=w.handler_a)
    return p


def test_identity_is_encrypted_at_rest(w, new_petition):
    scan = SimpleUploadedFile("cccd.png", PNG, content_type="image/png")
    p = new_petition(kind=Kind.DENUNCIATION, scans=[scan])
    with connection.cursor() as cursor:
        cursor.execute("SELECT ciphertext FROM petitions_senderidentity WHERE petition_id = %s", [p.pk])
        raw = cursor.fetchone()[0]
    assert NAME not in raw and IDENTITY["phone"] not in raw
    stored = IdentityScan.objects.get()
    with stored.file.open("rb") as fh:
        assert PNG not in fh.read()
    assert "cccd" not in stored.name_ciphertext


def test_reveal_needs_a_reason_and_writes_an_audit_row(w, new_petition, client_for):
    p = denunciation(w, new_petition)
    client = client_for(w.handler_a)
    url = reverse("petitions:reveal", args=[p.uuid])
    response = client.post(url, {"reason": ""})
    assert NAME not in response.content.decode()
    assert not AuditEvent.objects.filter(action=AuditAction.REVEAL).exists()
    response = client.post(url, {"reason": "Cần liên hệ người tố cáo để xác minh"})
    assert NAME in response.content.decode()
    event = AuditEvent.objects.get(action=AuditAction.REVEAL)
    assert event.reason == "Cần liên hệ người tố cáo để xác minh" and event.actor == w.handler_a
    assert NAME not in json.dumps(event.changes, ensure_ascii=False)


def test_clerk_and_unassigned_handler_cannot_reveal_a_denouncer(w, new_petition, client_for):
    p = denunciation(w, new_petition)
    for user in (w.clerk_a, w.handler_a2, w.staff_a, w.clerk_b):
        response = client_for(user).post(
            reverse("petitions:reveal", args=[p.uuid]), {"reason": "Tò mò muốn xem"}
        )
        assert response.status_code == 404
    assert not AuditEvent.objects.filter(action=AuditAction.REVEAL).exists()


def test_head_may_reveal(w, new_petition):
    p = denunciation(w, new_petition)
    data = actions.reveal_identity(p, actor=w.head_a, reason="Thủ trưởng xem xét")
    assert data["full_name"] == NAME


def test_identity_never_in_list_detail_export_public_lookup(w, new_petition, client_for):
    p = denunciation(w, new_petition)
    for user in (w.head_a, w.handler_a):
        client = client_for(user)
        assert NAME not in client.get(reverse("petitions:list")).content.decode()
        assert NAME not in client.get(reverse("petitions:detail", args=[p.uuid])).content.decode()
        response = client.get(reverse("petitions:export"))
        book = openpyxl.load_workbook(io.BytesIO(response.content))
        cells = [str(c) for row in book.active.iter_rows(values_only=True) for c in row]
        assert p.reference in cells and not any(NAME in c or IDENTITY["phone"] in c for c in cells)
    client.logout()
    body = client.post(reverse("petitions:public_lookup"), {"code": p.tracking_code}).content.decode()
    assert p.reference in body and NAME not in body


def test_identity_never_in_audit_notifications_or_logs(w, new_petition, caplog):
    caplog.set_level(logging.DEBUG)
    p = denunciation(w, new_petition)
    actions.classify(p, actor=w.clerk_a, outcome=Outcome.ACCEPT, on=D(2026, 11, 23))
    actions.accept(p, actor=w.handler_a, on=D(2026, 11, 24))
    actions.reveal_identity(p, actor=w.handler_a, reason="Xác minh")
    raise_reminders(D(2027, 1, 30))
    assert Notification.objects.about(p).exists()
    everything = json.dumps(
        [list(AuditEvent.objects.values()), list(Notification.objects.values())],
        default=str,
        ensure_ascii=False,
    )
    assert NAME not in everything and IDENTITY["id_number"] not in everything
    assert NAME not in caplog.text
    assert NAME not in repr(SenderIdentity.objects.get())
