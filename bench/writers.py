"""Writers for the mixed HTTP load (bench.run, `http_mixed_p95_latency`): a separate process that,
for a fixed time and at a fixed pace, registers letters in one agency and takes each through the
action functions to its answer — register, classify (accept), assign, accept, answer: five audited
writes per letter, each in its own transaction, as clerks and handlers do from their pages.
Every write records an audit event, so it also gives the subtree a new version (the list cache's
key) and the readers' next view renders the worklist afresh.

    python -m bench.writers AGENCY_CODE SECONDS LETTERS_PER_SECOND   (prints one JSON line)
"""

import datetime
import json
import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def main(code, seconds, rate):
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "danchu.settings")
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()
    from django.contrib.auth import get_user_model
    from django.utils import timezone

    from danchu.orgs.models import Organization, Role, RoleAssignment
    from danchu.petitions import actions
    from danchu.petitions.models import Kind, Outcome

    org = Organization.objects.get(code=code)
    clerk = RoleAssignment.objects.filter(organization=org, role=Role.CLERK).first().user
    handler, _created = get_user_model().objects.get_or_create(
        username=f"{code.lower()}.bench-handler", defaults={"first_name": "Bench", "last_name": "Handler"}
    )
    RoleAssignment.objects.get_or_create(user=handler, organization=org, role=Role.PETITION_HANDLER)
    identity = {"full_name": "Nguyễn Văn Ghi", "address": "xã Long Đức, TP Trà Vinh", "phone": "0912345678"}
    today = timezone.localdate()
    letters = writes = 0
    started = time.perf_counter()
    stop = started + seconds
    while time.perf_counter() < stop:
        p = actions.register(
            org,
            actor=clerk,
            kind=Kind.FEEDBACK,
            channel="paper",
            received_on=today,
            subject=f"Phản ánh về hạ tầng giao thông, lượt ghi {letters + 1}",
            content="Đề nghị cơ quan xem xét, sửa chữa đoạn đường bị hư hỏng.",
            identity=identity,
        )
        p = actions.classify(p, actor=clerk, outcome=Outcome.ACCEPT, on=today)
        p = actions.assign(p, actor=clerk, handler=handler, on=today)
        p = actions.accept(p, actor=handler, on=today, answer_due=today + datetime.timedelta(days=15))
        actions.answer(p, actor=handler, on=today, public_answer="Đã tiếp thu, sẽ sửa chữa trong tháng.")
        letters += 1
        writes += 5
        # A steady pace: the next letter starts when it is due, not as fast as possible.
        wait = started + letters / rate - time.perf_counter()
        if wait > 0:
            time.sleep(min(wait, max(0.0, stop - time.perf_counter())))
    elapsed = time.perf_counter() - started
    print(
        json.dumps(
            {"letters": letters, "writes": writes, "seconds": elapsed, "writes_per_s": writes / elapsed}
        )
    )


if __name__ == "__main__":
    main(sys.argv[1], float(sys.argv[2]), float(sys.argv[3]))
