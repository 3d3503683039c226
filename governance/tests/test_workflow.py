"""Editors cannot publish alone: "submit for moderation" goes to the division head."""

import pytest

pytestmark = pytest.mark.django_db


def _submit(page, user, title):
    """What the editor's "Submit for moderation" does: a revision, then the page's workflow."""
    page.title = title
    page.save_revision(user=user)
    return page.get_workflow().start(page, user)


def test_division_pages_follow_the_division_head_approval_workflow(governed):
    assert governed.page_a.get_workflow() == governed.roles_a.workflow
    assert governed.page_b.get_workflow() == governed.roles_b.workflow


def test_an_editor_submission_waits_for_the_moderators_of_that_division(governed):
    state = _submit(governed.page_a, governed.editor_a, "Bursa kerja 2026")

    task = state.current_task_state.task.specific
    assert list(task.groups.all()) == [governed.roles_a.moderators]
    assert "approve" in [name for name, *_ in task.get_actions(governed.page_a, governed.moderator_a)]
    assert task.get_actions(governed.page_a, governed.editor_a) == []
    assert task.get_actions(governed.page_a, governed.moderator_b) == []


def test_the_submitted_change_is_not_live_until_approved(governed):
    _submit(governed.page_a, governed.editor_a, "Bursa kerja 2026")

    governed.page_a.refresh_from_db()
    assert governed.page_a.title == "Bursa kerja"
    assert governed.page_a.has_unpublished_changes


def test_approval_by_the_division_head_publishes_the_change(governed):
    state = _submit(governed.page_a, governed.editor_a, "Bursa kerja 2026")
    task_state = state.current_task_state

    task_state.task.specific.on_action(task_state, governed.moderator_a, "approve")

    governed.page_a.refresh_from_db()
    state.refresh_from_db()
    assert state.status == state.STATUS_APPROVED
    assert governed.page_a.title == "Bursa kerja 2026"
    assert governed.page_a.live_revision.user == governed.editor_a
