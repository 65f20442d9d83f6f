import datetime

import pytest

from danchu.api import actions
from danchu.petitions import actions as petition_actions
from danchu.petitions.models import Kind

# A denouncer whose identity must never leave the page reveal: every API test looks for these.
DENOUNCER = {
    "full_name": "Lê Thị Tốcáobímật",
    "address": "Số 77 hẻm Kínđáo, ấp Ẩndanh",
    "phone": "0977123456",
    "email": "tocao.bimat@example.org",
    "id_number": "084177009988",
}


@pytest.fixture(autouse=True)
def _api_settings(settings):
    settings.API_REQUESTS_PER_MINUTE = 100_000


def bearer(user, write=False):
    _token, secret = actions.create_token(user, actor=None, name="test", write=write, days=30)
    return {"HTTP_AUTHORIZATION": f"Bearer {secret}"}


@pytest.fixture
def denunciation(world):
    p = petition_actions.register(
        world.a,
        actor=world.clerk_a,
        kind=Kind.DENUNCIATION,
        channel="paper",
        received_on=datetime.date(2026, 3, 2),
        subject="Tố cáo sai phạm trong đấu thầu",
        content="Đề nghị xác minh gói thầu số 3.",
        identity=DENOUNCER,
    )
    petition_actions.assign(p, actor=world.clerk_a, handler=world.handler_a)
    p.refresh_from_db()
    return p


def assert_no_identity(response):
    text = response.content.decode()
    for value in DENOUNCER.values():
        assert value not in text, f"denouncer's {value!r} leaked"
