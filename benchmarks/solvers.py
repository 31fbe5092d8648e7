"""SciPy's `milp` against `highspy` called directly, on the handoff problems leadshift builds (issue 18).

    python benchmarks/solvers.py            # needs `pip install highspy` beside leadshift

Both solve leadshift's own model: handoff/solver.py builds it and calls `scipy.optimize.milp`, which
this script replaces, for the second run, by a call of HiGHS through highspy. The problems are the
one `handoff plan` solves on the benchmark's 10-year ledger and random ones of the same shape for
bigger teams. It prints, for each, whether the two plans are the same and each solve time, then the
time to import each solver in a fresh process (rounds interleaved, medians).
"""

from __future__ import annotations

import contextlib
import io
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from types import SimpleNamespace
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # `benchmarks` as a package, from a checkout

import numpy as np  # noqa: E402
import scipy.optimize  # noqa: E402

from benchmarks.ledgers import TODAY, Spec, generate  # noqa: E402
from leadshift.handoff import plan, solver  # noqa: E402

Problem = tuple[dict[tuple[str, str], int], dict[str, float], dict[str, float], set[str], set[str]]
IMPORTS = {
    "scipy milp": "import numpy; from scipy.optimize import milp",
    "highspy": "import highspy",
}


def milp_by_highspy(c: Any, integrality: Any, bounds: Any, constraints: Any, options: dict[str, float]) -> Any:
    """`scipy.optimize.milp`'s answer for leadshift's call, from HiGHS through highspy.

    The class without highspy's Python callbacks: `highspy.Highs()` prints HiGHS's banner on stdout
    as it is made, before any option can turn the output off (HiGHS issue 2749), which `--json` cannot have.
    """
    from highspy import HighsLp, HighsModelStatus, HighsVarType, MatrixFormat, kHighsInf
    from highspy._core import _Highs

    matrix = np.asarray(constraints.A, dtype=float)
    rows, cols = matrix.shape
    lp = HighsLp()
    lp.num_col_, lp.num_row_ = cols, rows
    lp.col_cost_ = np.asarray(c, dtype=float)
    lp.col_lower_, lp.col_upper_ = np.asarray(bounds.lb, dtype=float), np.asarray(bounds.ub, dtype=float)
    lp.row_lower_ = np.maximum(np.broadcast_to(constraints.lb, rows), -kHighsInf).astype(float)
    lp.row_upper_ = np.minimum(np.broadcast_to(constraints.ub, rows), kHighsInf).astype(float)
    lp.integrality_ = [HighsVarType.kInteger if i else HighsVarType.kContinuous for i in integrality]
    nonzero = [np.nonzero(matrix[:, j])[0] for j in range(cols)]
    lp.a_matrix_.format_ = MatrixFormat.kColwise
    lp.a_matrix_.num_col_, lp.a_matrix_.num_row_ = cols, rows
    lp.a_matrix_.start_ = np.concatenate([[0], np.cumsum([len(n) for n in nonzero])]).astype(np.int32)
    lp.a_matrix_.index_ = np.concatenate(nonzero).astype(np.int32)
    lp.a_matrix_.value_ = np.concatenate([matrix[n, j] for j, n in enumerate(nonzero)])
    highs = _Highs()
    highs.setOptionValue("output_flag", False)
    highs.setOptionValue("mip_rel_gap", options["mip_rel_gap"])
    highs.passModel(lp)
    highs.run()
    optimal = highs.getModelStatus() == HighsModelStatus.kOptimal
    return SimpleNamespace(status=0 if optimal else 1, x=np.array(highs.getSolution().col_value), message="")


def ledger_problem(months: int) -> Problem:
    """The problem `handoff plan` hands its solver on the benchmark ledger of `months`."""
    caught: list[Problem] = []

    def catch(scores, hours, spare, growth_clients, without_growth):  # type: ignore[no-untyped-def]
        caught.append((dict(scores), dict(hours), dict(spare), set(growth_clients), set(without_growth)))
        return solver.best_assignment(scores, hours, spare, growth_clients, without_growth)

    with tempfile.TemporaryDirectory() as folder:
        generate(Path(folder) / "ledger", Spec(months))
        os.environ.update(LEADSHIFT_HOME=str(Path(folder) / "ledger"), LEADSHIFT_TODAY=TODAY.isoformat())
        plan.best_assignment, original = catch, plan.best_assignment
        try:
            from leadshift.cli import main

            sys.argv = ["leadshift", "handoff", "plan", "--json"]
            with contextlib.redirect_stdout(io.StringIO()), contextlib.suppress(SystemExit):
                main()
        finally:
            plan.best_assignment = original
    return caught[0]


def random_problem(teammates: int, clients: int, seed: int) -> Problem:
    """A bigger team's problem of the same shape: whole-point scores, some pairs ruled out, spare hours that bind."""
    rng = random.Random(seed)
    team = [f"mate{i:02}" for i in range(teammates)]
    owned = [f"client{i:03}" for i in range(clients)]
    scores = {(c, t): rng.randrange(1, 40) for c in owned for t in team if rng.random() < 0.6}
    hours = {c: float(rng.choice((2, 3, 4, 5, 6, 8))) for c in owned}
    spare = {t: float(rng.choice((0, 4, 6, 8, 12, 16))) for t in team}
    growth = {c for c in owned if rng.random() < 0.3}
    return scores, hours, spare, growth, {t for t in team if rng.random() < 0.5}


def solve_with(milp: Callable[..., Any], problem: Problem, repeats: int = 3) -> tuple[dict[str, str], float]:
    """The assignment and the best of `repeats` solve times (ms), with `milp` behind leadshift's model."""
    scipy.optimize.milp, original = milp, scipy.optimize.milp
    try:
        times = []
        for _ in range(repeats):
            start = time.perf_counter()
            chosen = solver.best_assignment(*problem)
            times.append((time.perf_counter() - start) * 1000)
    finally:
        scipy.optimize.milp = original
    return chosen, min(times)


def score(problem: Problem, chosen: dict[str, str]) -> int:
    return sum(problem[0][pair] for pair in chosen.items())


def import_times(runs: int = 9) -> dict[str, float]:
    """Median wall-clock ms of a fresh `python -c IMPORT`, minus `python -c pass`, rounds interleaved."""
    argvs = {"python -c pass": "pass", **IMPORTS}
    samples: dict[str, list[float]] = {name: [] for name in argvs}
    for _ in range(runs + 1):
        for name, code in argvs.items():
            start = time.perf_counter()
            subprocess.run([sys.executable, "-c", code], check=True)
            samples[name].append((time.perf_counter() - start) * 1000)
    medians = {name: statistics.median(times[1:]) for name, times in samples.items()}
    return {name: medians[name] - medians["python -c pass"] for name in IMPORTS}


def main() -> None:
    problems = {"10-year benchmark ledger (6 teammates)": ledger_problem(120)}
    for teammates, clients in ((12, 24), (20, 40)):  # bigger ones take minutes to prove optimal
        problems[f"random: {teammates} teammates, {clients} clients"] = random_problem(teammates, clients, seed=clients)
    print(f"{'problem':44} {'pairs':>5} {'same plan':>9} {'score':>6} {'scipy ms':>9} {'highspy ms':>10}")
    for name, problem in problems.items():
        by_scipy, scipy_ms = solve_with(scipy.optimize.milp, problem)
        by_highspy, highspy_ms = solve_with(milp_by_highspy, problem)
        same = "yes" if by_scipy == by_highspy else f"no ({score(problem, by_highspy)})"
        print(
            f"{name:44} {len(problem[0]):5} {same:>9} {score(problem, by_scipy):6} {scipy_ms:9.1f} {highspy_ms:10.1f}"
        )
    print("\nimport in a fresh process, ms over python -c pass (median of 9, interleaved):")
    for name, ms in import_times().items():
        print(f"  {name:12} {ms:6.0f}  ({IMPORTS[name]})")


if __name__ == "__main__":
    main()
