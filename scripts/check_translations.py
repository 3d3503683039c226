"""Fail when an interface string has no Indonesian translation.

English is the source language of every gettext string, so the Indonesian
catalogue is the one that must be complete. The check regenerates the
catalogue from the code (so a string added without `make messages` is caught
too), reads it, and puts the committed file back untouched.
"""

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import polib

ROOT = Path(__file__).resolve().parent.parent
CATALOGUE = ROOT / "locale" / "id" / "LC_MESSAGES" / "django.po"


def main():
    with tempfile.TemporaryDirectory() as tmp:
        backup = Path(tmp) / "django.po"
        shutil.copy2(CATALOGUE, backup)
        try:
            subprocess.run(
                [
                    sys.executable,
                    "manage.py",
                    "makemessages",
                    "--locale=id",
                    "--no-obsolete",
                    "--ignore=.venv",
                    "--ignore=staticfiles",
                    "--ignore=bench",
                    "-v0",
                ],
                cwd=ROOT,
                check=True,
                env={**os.environ, "DJANGO_SETTINGS_MODULE": "config.settings.test"},
            )
            fresh = polib.pofile(str(CATALOGUE))
        finally:
            shutil.copy2(backup, CATALOGUE)
    missing = [
        entry.msgid for entry in fresh if not entry.obsolete and (entry.fuzzy or not entry.translated())
    ]
    for msgid in missing:
        print(f"untranslated: {msgid!r}")
    if missing:
        where = CATALOGUE.relative_to(ROOT)
        print(f"{len(missing)} strings lack Indonesian: run `make messages`, then edit {where}.")
        return 1
    print(f"translations: all {len(fresh)} Indonesian strings present")
    return 0


if __name__ == "__main__":
    sys.exit(main())
