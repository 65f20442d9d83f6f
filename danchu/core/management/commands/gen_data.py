"""`danchu gen-data --preset small|province|large [--scale K] [--seed N] [--year Y] [--prefix P]`
writes one synthetic province (danchu.core.gendata): agencies, letters, documents, disclosures,
inspections and the province's request answered by every agency. Deterministic for a seed.
Refuses to run twice with the same prefix (exit status 2)."""

import time

from django.core.management.base import BaseCommand, CommandError

from danchu.core.gendata import PRESETS, analyze, generate


class Command(BaseCommand):
    help = "Generate realistic synthetic data for tests and benchmarks."

    def add_arguments(self, parser):
        parser.add_argument("--preset", choices=sorted(PRESETS), default="small")
        parser.add_argument("--scale", type=float, default=1.0, help="multiply the per-agency volumes")
        parser.add_argument("--agencies", type=int, default=None, help="override the number of agencies")
        parser.add_argument("--seed", type=int, default=1)
        parser.add_argument("--year", type=int, default=2025)
        parser.add_argument("--prefix", default="GEN", help="code of the generated province")
        parser.add_argument("--password", default="danchu-bench", help="password of the generated users")

    def handle(self, *args, **options):
        shape = PRESETS[options["preset"]].scaled(options["scale"])
        if options["agencies"]:
            shape = type(shape)(
                options["agencies"], shape.letters, shape.documents, shape.disclosures, shape.inspections
            )
        if options["scale"] <= 0 or shape.agencies <= 0:
            raise CommandError("--scale và --agencies phải dương.", returncode=2)
        started = time.perf_counter()
        try:
            result = generate(
                shape,
                seed=options["seed"],
                year=options["year"],
                prefix=options["prefix"],
                password=options["password"],
                progress=lambda step: (
                    self.stdout.write(f"  {step}: {time.perf_counter() - started:.1f} s")
                    if options["verbosity"] > 1
                    else None
                ),
            )
        except ValueError as exc:
            raise CommandError(str(exc), returncode=2) from None
        analyze()
        for label, n in sorted(result.counts.items()):
            self.stdout.write(f"{label}: {n}")
        self.stdout.write(f"Xong trong {time.perf_counter() - started:.1f} giây (mã {result.root.code}).")
