"""The reference dataset's command: `valuenet generate` (it only writes files).

    valuenet generate --scale 1 --seed 42 --out data/reference     write layer 1 + 2 tables and mappings
    valuenet generate --stats --out DIR                             ... and the emergent network statistics

Loading it is `valuenet load --reference [--scale S] [--seed N] [--dir DIR]` (loader/cli.py, which calls
loader/reference/load.py). The calibration is checked by `valuenet figures reference [--scale S]
[--generated]` (valuenet/cli.py).
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from loader.reference.load import DEFAULT_SEED, generate_to


def register(app: typer.Typer) -> None:
    @app.command()
    def generate(
        out_dir: Annotated[Path, typer.Option("--out", help="write the tables and mappings here")],
        scale: Annotated[int, typer.Option(min=1, help="multiply every count (1 = the 2021 report)")] = 1,
        seed: Annotated[int, typer.Option(help="random seed: same seed, same files")] = DEFAULT_SEED,
        stats: Annotated[
            bool,
            typer.Option("--stats", help="emergent statistics (clustering, path length ...) with networkit"),
        ] = False,
    ) -> None:
        """Generate the reference dataset (layer 1 observed + layer 2 synthetic reconstruction of 2021).

        Example: valuenet generate --scale 1 --seed 42 --out data/reference, then
        valuenet load --reference --dir data/reference
        """
        from valuenet.cli import out

        ds, manifest, took = generate_to(out_dir, scale, seed)
        out.print(
            f"wrote {manifest['organisations']:,} organisations and {manifest['relationships']:,} "
            f"relationships (scale {scale}, seed {seed}) to {out_dir} in {took:.1f} s"
        )
        if stats:
            from loader.reference.stats import network_stats

            for k, v in network_stats(ds).items():
                out.print(f"{k:>28}: {v}")
