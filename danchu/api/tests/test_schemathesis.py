"""The API against its own OpenAPI schema: schemathesis generates requests for every operation and
checks that none answers 5xx, and that each answer (status, content type, body) is the one the
schema documents. In process, on the WSGI app: no network, no server."""

import os

import pytest
import schemathesis
from django.core.signals import request_finished, request_started
from django.db import close_old_connections
from hypothesis import HealthCheck, Phase, given
from hypothesis import settings as hsettings
from schemathesis.checks import (
    content_type_conformance,
    not_a_server_error,
    response_schema_conformance,
    status_code_conformance,
)

from danchu.wsgi import application

from .conftest import DENOUNCER, bearer

CHECKS = [not_a_server_error, status_code_conformance, content_type_conformance, response_schema_conformance]
EXAMPLES = int(os.environ.get("DANCHU_SCHEMATHESIS_EXAMPLES", "25"))


@pytest.fixture
def wsgi_in_test_transaction():
    # What Django's test client does: keep the test's connection (and its transaction) open.
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield application
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


def test_every_operation_conforms_to_the_schema(world, denunciation, wsgi_in_test_transaction):
    schema = schemathesis.openapi.from_wsgi("/api/v1/openapi.json", wsgi_in_test_transaction)
    headers = {"Authorization": bearer(world.clerk_a, write=True)["HTTP_AUTHORIZATION"]}
    operations = [result.ok() for result in schema.get_all_operations()]
    assert len(operations) >= 9
    seen = []
    for operation in operations:

        @hsettings(
            max_examples=EXAMPLES,
            deadline=None,
            derandomize=True,
            database=None,
            phases=[Phase.explicit, Phase.generate],
            suppress_health_check=list(HealthCheck),
        )
        @given(case=operation.as_strategy())
        def run(case):
            response = case.call_and_validate(headers=headers, checks=CHECKS)
            seen.append(response.status_code)
            for value in DENOUNCER.values():
                assert value not in response.text

        run()
    assert seen and all(code < 500 for code in seen)
    assert any(code in (200, 201) for code in seen)
