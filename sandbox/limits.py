"""Run limits as documented data. Imports nothing from Django."""

from __future__ import annotations

from dataclasses import asdict, dataclass, fields
from typing import Any


@dataclass(frozen=True)
class Limits:
    wall_s: float = 10.0  # wall clock for the whole run; then the whole process tree is killed
    cpu_s: float = 5.0  # RLIMIT_CPU of the program (seconds of CPU)
    memory_mb: int = 512  # RLIMIT_AS, and the cgroup memory limit where one is available
    processes: int = 64  # processes + threads of this run (per-run uid / cgroup pids)
    output_bytes: int = 200_000  # stdout+stderr delivered; past it the run ends: limit/output
    events: int = 20_000  # tracer events; past it only counting (the summary stays exact)
    file_size_mb: int = 8  # RLIMIT_FSIZE: largest file the program may write
    open_files: int = 256  # RLIMIT_NOFILE
    tmp_mb: int = 16  # size of the private /tmp
    block_threshold_ms: int = 100  # a step or callback longer than this is a `loop.block`

    # Upper bounds an exercise may ask for; anything above is clamped.
    MAXIMA = {
        "wall_s": 60.0, "cpu_s": 30.0, "memory_mb": 1024, "processes": 128,
        "output_bytes": 2_000_000, "events": 100_000, "file_size_mb": 64,
        "open_files": 1024, "tmp_mb": 64, "block_threshold_ms": 10_000,
    }

    @classmethod
    def from_dict(cls, data: dict[str, Any] | None) -> Limits:
        """Build limits from a (possibly partial) dict; unknown keys raise ValueError."""
        data = dict(data or {})
        names = {f.name: f for f in fields(cls)}
        unknown = set(data) - set(names)
        if unknown:
            raise ValueError(f"unknown limit(s): {', '.join(sorted(unknown))}")
        values: dict[str, Any] = {}
        for key, raw in data.items():
            kind = float if names[key].type in ("float", float) else int
            try:
                value = kind(raw)
            except (TypeError, ValueError):
                raise ValueError(f"limit {key} must be a number, got {raw!r}") from None
            if value <= 0:
                raise ValueError(f"limit {key} must be positive")
            values[key] = min(value, kind(cls.MAXIMA[key]))
        return cls(**values)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)
