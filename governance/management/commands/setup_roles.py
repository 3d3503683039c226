from django.core.management.base import BaseCommand

from governance.roles import setup_roles


class Command(BaseCommand):
    help = (
        "Create or refresh the administrators group and, per division, the editors and moderators "
        "groups with their page permissions and approval workflow. Safe to run again."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--no-default-sections",
            action="store_true",
            help="Do not add the service pages of each division to its sections.",
        )

    def handle(self, *args, no_default_sections=False, **options):
        result = setup_roles(seed_sections=not no_default_sections)
        self.stdout.write(f"{result.administrators.name}")
        for roles in result.divisions:
            sections = roles.division.sections.count()
            self.stdout.write(
                f"{roles.division}: {roles.editors.name}, {roles.moderators.name}, "
                f"{roles.workflow.name if roles.workflow else '-'} ({sections})"
            )
        self.stdout.write(self.style.SUCCESS("Roles are set up."))
