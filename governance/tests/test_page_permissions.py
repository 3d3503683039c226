"""Editors of a division edit their sections only, and never publish alone."""

import pytest

pytestmark = pytest.mark.django_db


def test_an_editor_of_division_a_can_edit_a_pages(governed):
    assert governed.page_a.permissions_for_user(governed.editor_a).can_edit()
    assert governed.section_a.permissions_for_user(governed.editor_a).can_edit()


def test_an_editor_of_division_a_can_add_pages_in_a_section(governed):
    assert governed.section_a.permissions_for_user(governed.editor_a).can_add_subpage()


def test_an_editor_of_division_a_cannot_edit_division_b_pages(governed):
    assert not governed.page_b.permissions_for_user(governed.editor_a).can_edit()
    assert not governed.section_b.permissions_for_user(governed.editor_a).can_add_subpage()


def test_an_editor_cannot_edit_pages_outside_any_section(governed):
    assert not governed.homes.id.permissions_for_user(governed.editor_a).can_edit()


def test_an_editor_cannot_publish(governed):
    assert not governed.page_a.permissions_for_user(governed.editor_a).can_publish()


def test_the_moderator_of_division_a_can_publish_a_pages(governed):
    assert governed.page_a.permissions_for_user(governed.moderator_a).can_publish()


def test_the_moderator_of_division_a_cannot_edit_or_publish_b_pages(governed):
    permissions = governed.page_b.permissions_for_user(governed.moderator_a)

    assert not permissions.can_edit()
    assert not permissions.can_publish()
