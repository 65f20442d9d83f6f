def test_top_bar_has_one_entry_per_app_and_the_active_apps_entries_below(world, client_for):
    response = client_for(world.clerk_a).get("/phap-ly/thoi-han/")
    groups = response.context["nav_items"]
    assert [g["label"] for g in groups if g["active"]] == ["Thời hạn"]
    assert len({g["label"] for g in groups}) == len(groups)
    assert [e["label"] for e in response.context["subnav_items"]] == ["Tính thời hạn", "Lịch làm việc"]


def test_entries_need_the_permission_they_name(world, client_for):
    labels = {g["label"] for g in client_for(world.staff_a).get("/").context["nav_items"]}
    assert "Tổng hợp" not in labels
    assert "Tổng hợp" in {g["label"] for g in client_for(world.officer).get("/").context["nav_items"]}
