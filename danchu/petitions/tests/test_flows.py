"""The citizen's and the handler's flows (issue 15): reachable from the login page, the look-up
says when to expect an answer, anonymity hides the identity fields, and refusals say what to do."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from danchu.core import vnformat
from danchu.petitions import actions
from danchu.petitions.models import Kind, Petition

from .conftest import D
from .test_public import form


def test_login_page_links_the_public_form_and_the_look_up(db, client):
    body = client.get(reverse("login")).content.decode()
    assert reverse("petitions:public_submit") in body
    assert reverse("petitions:public_lookup") in body


def test_look_up_shows_the_expected_answer_date(w, client, accepted_petition):
    p = accepted_petition(kind=Kind.DENUNCIATION, received=D(2026, 3, 2), accepted=D(2026, 3, 9))
    body = client.post(reverse("petitions:public_lookup"), {"code": p.tracking_code}).content.decode()
    assert "Hạn trả lời dự kiến" in body
    assert vnformat.short_date(p.resolve_due) in body


def test_look_up_before_acceptance_shows_the_processing_deadline(w, client, new_petition):
    p = new_petition(kind=Kind.FEEDBACK, received=D(2026, 3, 2))
    body = client.post(reverse("petitions:public_lookup"), {"code": p.tracking_code}).content.decode()
    assert "Hạn trả lời dự kiến" in body and "hạn cơ quan xem xét" in body


def test_anonymous_tick_hides_the_identity_fields_without_script(w, client):
    body = client.get(reverse("petitions:public_submit")).content.decode()
    for name in ("full_name", "address", "phone"):
        assert f'sender-identity">\n    <label for="id_{name}"' in body
    css = (
        __import__("pathlib").Path(__file__).resolve().parents[1] / "static/petitions/petitions.css"
    ).read_text()
    assert "form:has(#id_is_anonymous:checked) .sender-identity { display:none; }" in css


def test_a_complaint_without_an_address_says_so_and_keeps_the_input(w, client):
    response = client.post(reverse("petitions:public_submit"), form(w, kind="complaint", address=""))
    body = response.content.decode()
    assert response.status_code == 400
    assert "Đơn khiếu nại phải ghi địa chỉ" in body
    assert "Lê Văn Dân" in body and "Đường ngập nước" in body
    assert not Petition.objects.exists()


def test_extending_a_denunciation_not_marked_complex_says_what_is_needed(w, accepted_petition):
    p = accepted_petition(kind=Kind.DENUNCIATION, received=D(2026, 3, 2), accepted=D(2026, 3, 9))
    with pytest.raises(ValidationError) as refused:
        actions.extend(p, actor=w.handler_a, reason="Cần thêm thời gian")
    message = " ".join(refused.value.messages)
    assert "Đã hết số lần" not in message
    assert "chưa được xác định là vụ việc phức tạp" in message and "Xác định tính chất vụ việc" in message
    actions.mark_complex(p, actor=w.handler_a, complex=True, reason="Nhiều người liên quan")
    actions.extend(p, actor=w.handler_a, reason="Gia hạn lần 1")
    with pytest.raises(ValidationError) as again:
        actions.extend(p, actor=w.handler_a, reason="Lần 2")
    assert "đặc biệt phức tạp" in " ".join(again.value.messages)
