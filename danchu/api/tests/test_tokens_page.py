import io

import pytest
from django.core.management import CommandError, call_command

from danchu.api.models import ApiToken, Scope
from danchu.audit.trail import history_for


def test_a_user_creates_a_token_sees_it_once_and_revokes_it(client_for, world):
    c = client_for(world.clerk_a)
    r = c.post("/api/ma-truy-cap/", {"name": "iOffice", "write": "on", "days": "30"})
    assert r.status_code == 302
    page = c.get("/api/ma-truy-cap/").content.decode()
    token = ApiToken.objects.get(user=world.clerk_a)
    secret = page.split('id="new-token">')[1].split("<")[0]
    assert secret.startswith(token.hint) and token.scope == Scope.WRITE
    assert secret not in c.get("/api/ma-truy-cap/").content.decode()  # shown once
    assert c.get("/api/v1/periods", HTTP_AUTHORIZATION=f"Bearer {secret}").status_code == 200
    assert c.post(f"/api/ma-truy-cap/{token.pk}/thu-hoi/").status_code == 302
    assert c.get("/api/v1/periods", HTTP_AUTHORIZATION=f"Bearer {secret}").status_code == 401
    assert [e.action for e in history_for(token)] == ["update", "create"]


def test_bad_input_on_the_page_keeps_what_was_typed(client_for, world):
    r = client_for(world.clerk_a).post("/api/ma-truy-cap/", {"name": "iOffice", "days": "999"})
    assert r.status_code == 200
    assert "iOffice" in r.content.decode()
    assert not ApiToken.objects.exists()


def test_nobody_revokes_another_users_token(client_for, world):
    from danchu.api import actions

    token, _secret = actions.create_token(world.clerk_a, actor=world.clerk_a, name="x")
    assert client_for(world.clerk_b).post(f"/api/ma-truy-cap/{token.pk}/thu-hoi/").status_code == 404
    token.refresh_from_db()
    assert token.revoked_at is None


def test_the_command_prints_a_token_for_scripts(client, world):
    out = io.StringIO()
    call_command("api_token", "create", "--user", "clerk_a", "--write", "--days", "7", stdout=out)
    secret = out.getvalue().strip()
    token = ApiToken.objects.get(user=world.clerk_a)
    assert (
        token.scope == Scope.WRITE
        and round((token.expires_at - token.created_at).total_seconds() / 86400) == 7
    )
    assert client.get("/api/v1/periods", HTTP_AUTHORIZATION=f"Bearer {secret}").status_code == 200
    with pytest.raises(CommandError):
        call_command("api_token", "create", "--user", "nobody", stdout=io.StringIO())
    with pytest.raises(CommandError):
        call_command("api_token", "create", "--user", "clerk_a", "--days", "0", stdout=io.StringIO())
