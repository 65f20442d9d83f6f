import io
import json

import pytest
from django.core.management import call_command

from danchu.legal.management.commands.deadlines import Command

pytestmark = pytest.mark.django_db


def run(*args):
    out = io.StringIO()
    call_command("deadlines", *args, stdout=out)
    return out.getvalue()


def test_json_contract_complaint_received_6_july_2026():
    data = json.loads(run("--kind", "complaint", "--received", "2026-07-06", "--json"))
    assert data["kind"] == "complaint" and data["received"] == "2026-07-06"
    (accept,) = [s for s in data["steps"] if s["step"] == "accept"]
    assert accept["due"] == "2026-07-15"
    assert accept["days"] == 7 and accept["day_kind"] == "working"
    assert accept["counted_from"] == "2026-07-06" and "136/2025" in accept["basis"]
    assert accept["needs_check"] and "ngắn hơn" in accept["note"]


def test_json_with_acceptance_and_flags():
    data = json.loads(
        run(
            "--kind",
            "complaint",
            "--received",
            "2026-07-06",
            "--accepted",
            "2026-07-10",
            "--second",
            "--remote",
            "--complex",
            "--json",
        )
    )
    resolve = next(s for s in data["steps"] if s["step"] == "resolve")
    assert (
        resolve["days"] == 70
        and resolve["day_kind"] == "calendar"
        and resolve["counted_from"] == "2026-07-10"
    )


def test_table_is_in_vietnamese():
    out = run("--kind", "denunciation", "--received", "2026-02-13")
    assert "Đơn tố cáo nhận ngày 13/02/2026" in out
    assert "03/03/2026" in out and "07 ngày làm việc" in out
    assert "chưa tính hạn giải quyết" in out


@pytest.mark.parametrize(
    "args, message",
    [
        (["--kind", "khieunai", "--received", "2026-07-06"], "loại đơn không hợp lệ"),
        (["--kind", "complaint", "--received", "06/07/2026"], "ngày không hợp lệ"),
        (["--kind", "complaint", "--received", "2026-02-30"], "ngày không hợp lệ"),
        (["--kind", "complaint"], "--received"),
        (
            ["--kind", "complaint", "--received", "2026-07-06", "--accepted", "2026-07-01"],
            "Ngày thụ lý không được trước",
        ),
        (
            ["--kind", "denunciation", "--received", "2026-07-06", "--complex", "--especially-complex"],
            "not allowed",
        ),
    ],
)
def test_bad_input_exits_2_with_a_message_and_no_traceback(args, message, capsys):
    with pytest.raises(SystemExit) as exit_info:
        Command().run_from_argv(["danchu", "deadlines", *args])
    assert exit_info.value.code == 2
    err = capsys.readouterr().err
    assert message in err
    assert "Traceback" not in err


def test_decided_gives_the_send_decision_step_counted_from_the_decision():
    """Luật Khiếu nại Art. 32: 03 working days from the decision of Wednesday 05/08/2026."""
    data = json.loads(
        run(
            "--kind",
            "complaint",
            "--received",
            "2026-07-06",
            "--accepted",
            "2026-07-10",
            "--decided",
            "2026-08-05",
            "--json",
        )
    )
    assert data["decided"] == "2026-08-05"
    (send,) = [s for s in data["steps"] if s["step"] == "send_decision"]
    assert (send["due"], send["counted_from"], send["days"]) == ("2026-08-10", "2026-08-05", 3)
    assert [s["step"] for s in data["steps"]] == ["accept", "resolve", "send_decision"]


def test_without_decided_there_is_no_send_decision_step():
    data = json.loads(
        run("--kind", "complaint", "--received", "2026-07-06", "--accepted", "2026-07-10", "--json")
    )
    assert "send_decision" not in [s["step"] for s in data["steps"]]
