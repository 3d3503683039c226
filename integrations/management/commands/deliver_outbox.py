"""Deliver due outbox messages: once (e.g. from cron), or in a loop.

The django-tasks worker (`manage.py db_worker`) does the same work on its own;
this command is for operators: to drain the outbox by hand, or as a sweeper
beside the worker.
"""

import signal
import time

from django.core.management.base import BaseCommand

from integrations import outbox


class Command(BaseCommand):
    help = "Deliver the outbox messages that are due (once, or with --loop until stopped)."

    def add_arguments(self, parser):
        parser.add_argument("--loop", action="store_true", help="Keep delivering until interrupted.")
        parser.add_argument(
            "--interval", type=float, default=5.0, help="Seconds to sleep when nothing is due (with --loop)."
        )
        parser.add_argument(
            "--limit", type=int, default=None, help="Messages per round (default: batch size)."
        )

    def handle(self, *args, loop=False, interval=5.0, limit=None, **options):
        self.running = True
        if loop:
            signal.signal(signal.SIGTERM, self.stop)
        while True:
            counts = outbox.deliver_due(limit)
            if counts or not loop:
                summary = ", ".join(f"{status}: {n}" for status, n in sorted(counts.items())) or "nothing due"
                self.stdout.write(summary)
            if not loop or not self.running:
                return
            if not counts:
                try:
                    time.sleep(interval)
                except KeyboardInterrupt:
                    return
            if not self.running:
                return

    def stop(self, *args):
        self.running = False
