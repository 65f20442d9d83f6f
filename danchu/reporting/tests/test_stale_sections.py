"""Issue 14, item 9: two people open the same report's sections, both save; the second is refused
with a message, keeps what they typed, sees what changed, and nothing stored is lost."""

import html
import re

from django.test import Client
from django.urls import reverse

from danchu.audit.trail import history_for
from danchu.core import stale
from danchu.reporting import actions

from .conftest import NARRATIVE


def _open(user, report):
    """A user opens the report page: the texts and versions its sections form carries."""
    client = Client()
    client.force_login(user)
    page = client.get(reverse("reporting:detail", args=[report.uuid])).content.decode()
    versions = dict(re.findall(r'name="(version-[a-z_]+)" value="([0-9a-f]+)"', page))
    texts = {
        name: html.unescape(text)
        for name, text in re.findall(
            r'<textarea id="[^"]+" name="(section-[a-z_]+)" rows="6">(.*?)</textarea>', page, re.S
        )
    }
    assert versions and texts
    return client, {**versions, **texts}


def _text(report, key):
    return report.sections.get(key=key).text


def test_the_second_of_two_concurrent_section_edits_is_refused_and_loses_nothing(draft, world):
    url = reverse("reporting:sections", args=[draft.uuid])
    first, form1 = _open(world.clerk_a, draft)
    second, form2 = _open(world.head_a, draft)
    assert form1 == form2

    assert first.post(url, {**form1, "section-overview": "Bản của người thứ nhất."}).status_code == 302
    response = second.post(
        url, {**form2, "section-overview": "Bản của người thứ hai.", "section-tasks": "Nhiệm vụ mới."}
    )
    body = response.content.decode()
    assert response.status_code == 409
    assert "vừa được người khác sửa" in body
    # what the second person typed stays in the form, in every section
    assert "Bản của người thứ hai." in body and "Nhiệm vụ mới." in body
    table = body[body.index('id="stale-conflict"') :]
    assert "Bản của người thứ nhất." in table and "Bản của người thứ hai." in table
    assert _text(draft, "overview") == "Bản của người thứ nhất."
    assert _text(draft, "tasks") == NARRATIVE["tasks"]  # nothing was saved
    # The page now carries the stored version of the conflicting section: saving again overwrites.
    carried = re.search(r'name="version-overview" value="([0-9a-f]+)"', body).group(1)
    assert carried == stale.text_version("Bản của người thứ nhất.")
    again = second.post(
        url, {**form2, "version-overview": carried, "section-overview": "Bản của người thứ hai."}
    )
    assert again.status_code == 302
    assert _text(draft, "overview") == "Bản của người thứ hai."


def test_a_section_the_user_did_not_touch_keeps_the_other_persons_change(draft, world):
    url = reverse("reporting:sections", args=[draft.uuid])
    first, form1 = _open(world.clerk_a, draft)
    second, form2 = _open(world.head_a, draft)
    assert first.post(url, {**form1, "section-overview": "Tình hình chung, sửa lại."}).status_code == 302
    # The second person changed another section only; the form still holds the old overview.
    assert second.post(url, {**form2, "section-evaluation": "Đánh giá mới."}).status_code == 302
    assert _text(draft, "overview") == "Tình hình chung, sửa lại."
    assert _text(draft, "evaluation") == "Đánh giá mới."


def test_a_post_without_versions_cannot_overwrite_a_written_section(draft, world, client_for):
    response = client_for(world.clerk_a).post(
        reverse("reporting:sections", args=[draft.uuid]), {"section-overview": "Ghi đè."}
    )
    assert response.status_code == 409
    assert _text(draft, "overview") == NARRATIVE["overview"]


def test_the_action_refuses_a_stale_section(draft, world):
    opened = stale.text_version(NARRATIVE["leadership"])
    actions.save_section(draft, "leadership", "Người khác sửa.", actor=world.head_a, expected_version=opened)
    events = history_for(draft).count()
    try:
        actions.save_section(draft, "leadership", "Tôi sửa.", actor=world.clerk_a, expected_version=opened)
    except stale.StaleEdit as exc:
        assert [row[1:] for row in exc.rows] == [("Người khác sửa.", "Tôi sửa.")]
    else:
        raise AssertionError("a stale section was saved")
    assert _text(draft, "leadership") == "Người khác sửa."
    assert history_for(draft).count() == events
