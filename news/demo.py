"""Demo content of this app; see core/demo.py."""


def seed(homes):
    return None
