"""Issue 14 item 8: login throttling per account and per address, in the database, with an
audited unlock by an administrator."""

import pytest
from django.core.cache import caches
from django.urls import reverse

from danchu.audit.models import AuditEvent
from danchu.core import auth
from danchu.core.models import ThrottleCounter


def login(client, username, password, ip="10.1.1.1"):
    return client.post(reverse("login"), {"username": username, "password": password}, REMOTE_ADDR=ip)


def test_wrong_passwords_lock_the_account_even_for_the_right_password(world, client):
    for _i in range(5):
        assert login(client, "clerk_a", "sai").status_code == 200
    response = login(client, "clerk_a", "pw")
    assert response.status_code == 200 and "_auth_user_id" not in client.session
    body = response.content.decode()
    assert "tạm bị khóa đăng nhập" in body and "quản trị hệ thống" in body
    # from another address too: the lock is on the account
    assert login(client, "clerk_a", "pw", ip="10.9.9.9").status_code == 200
    assert "_auth_user_id" not in client.session
    assert AuditEvent.objects.filter(object_id=str(world.clerk_a.pk), verb__contains="Tạm khóa").count() == 1


def test_the_count_lives_in_the_database_not_a_process_cache(world, client):
    for _i in range(5):
        login(client, "clerk_a", "sai")
    for alias in ("default", "lists"):
        caches[alias].clear()  # another worker has its own cache; the database is shared
    assert ThrottleCounter.objects.get(scope=auth.ACCOUNT, key="clerk_a").count == 5
    assert login(client, "clerk_a", "pw").status_code == 200


def test_one_address_trying_many_accounts_is_refused(world, client, settings):
    settings.LOGIN_FAILURES_PER_ADDRESS = 6
    for i in range(6):
        login(client, f"khong-co-{i}", "sai", ip="10.2.2.2")
    response = login(client, "head_a", "pw", ip="10.2.2.2")
    assert response.status_code == 200 and "Máy tính này" in response.content.decode()
    assert login(client, "head_a", "pw", ip="10.3.3.3").status_code == 302  # another address logs in


def test_the_right_password_before_the_limit_resets_the_account(world, client):
    for _i in range(4):
        login(client, "clerk_a", "sai")
    assert login(client, "clerk_a", "pw").status_code == 302
    client.logout()
    for _i in range(4):
        login(client, "clerk_a", "sai")
    assert login(client, "clerk_a", "pw").status_code == 302


def test_an_administrator_unlocks_with_a_reason_and_it_is_audited(world, client, client_for):
    for _i in range(5):
        login(client, "clerk_a", "sai")
    url = reverse("login_locks")
    assert client_for(world.clerk_b).get(url).status_code == 404
    admin = client_for(world.admin)
    page = admin.get(url).content.decode()
    assert "clerk_a" in page
    refused = admin.post(url, {"user": world.clerk_a.pk, "reason": ""})
    assert refused.status_code == 400 and "lý do" in refused.content.decode()
    assert admin.post(url, {"user": world.clerk_a.pk, "reason": "Đã gọi điện xác minh"}).status_code == 302
    event = AuditEvent.objects.get(verb="Mở khóa đăng nhập")
    assert event.actor == world.admin and event.reason == "Đã gọi điện xác minh"
    assert login(client, "clerk_a", "pw").status_code == 302


@pytest.mark.parametrize("bad", ["", "x" * 400, "\x00"])
def test_odd_usernames_get_the_form_back(db, client, bad):
    assert login(client, bad, "sai").status_code == 200
