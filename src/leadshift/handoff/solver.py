"""The exact solver behind the handoff plan: the best assignment that fits everyone's spare hours."""

from __future__ import annotations

import math
from collections.abc import Mapping

from leadshift.handoff.scoring import HOURS_SLACK


def best_assignment(
    scores: Mapping[tuple[str, str], int],
    hours: Mapping[str, float],
    spare: Mapping[str, float],
    growth_clients: set[str],
    without_growth: set[str],
) -> dict[str, str]:
    """client -> teammate with the highest total score such that each teammate's hours fit their spare hours.

    A generalized assignment problem (NP-hard: a teammate may take several
    clients while their hours last), so no greedy loop: an integer program
    solved to proven optimality by HiGHS. Ties on the total are broken, in
    this order, by how many teammates without a growth account get one, then
    by how many teammates get any handoff. Scores are whole points, so each
    tie-break is weighted below one point of score and never costs any.
    """
    if not scores:
        return {}
    import numpy as np  # SciPy is slow to import; only the planner pays for it
    from scipy.optimize import Bounds, LinearConstraint, milp

    pairs = sorted(scores)
    clients = sorted({c for c, _ in pairs})
    teammates = sorted({t for _, t in pairs})
    n_pairs, n_mates = len(pairs), len(teammates)
    # Variables: x per pair (hand c to t), then g per teammate (gets a first
    # growth account), then a per teammate (gets at least one handoff).
    size = n_pairs + 2 * n_mates
    tie = n_mates + 1  # a tie-break count is at most n_mates, below one unit of the next level
    objective = np.zeros(size)
    for i, pair in enumerate(pairs):
        objective[i] = -scores[pair] * tie * tie  # milp minimises
    objective[n_pairs : n_pairs + n_mates] = -tie
    objective[n_pairs + n_mates :] = -1

    rows, upper = [], []
    for client in clients:
        rows.append([1.0 if c == client else 0.0 for c, _ in pairs] + [0.0] * (2 * n_mates))
        upper.append(1.0)
    for j, mate in enumerate(teammates):
        rows.append([hours[c] if t == mate else 0.0 for c, t in pairs] + [0.0] * (2 * n_mates))
        upper.append(max(spare[mate], 0.0) + HOURS_SLACK)
        for offset, counted in ((n_pairs, growth_clients), (n_pairs + n_mates, set(clients))):
            row = [-1.0 if t == mate and c in counted else 0.0 for c, t in pairs] + [0.0] * (2 * n_mates)
            row[offset + j] = 1.0  # g or a <= the number of such clients they get
            rows.append(row)
            upper.append(0.0)
    high = np.ones(size)
    high[n_pairs : n_pairs + n_mates] = [1.0 if t in without_growth else 0.0 for t in teammates]
    result = milp(
        objective,
        integrality=np.ones(size),
        bounds=Bounds(np.zeros(size), high),
        constraints=LinearConstraint(np.array(rows), -np.inf, np.array(upper)),
        options={"mip_rel_gap": 0.0},
    )
    if result.status != 0 or result.x is None:
        raise RuntimeError(f"the handoff solver failed: {result.message}")
    taken = np.round(result.x[:n_pairs]).astype(int)
    chosen = {c: t for (c, t), x in zip(pairs, taken, strict=True) if x == 1}
    for mate in teammates:  # the solver works to a tolerance; the plan promises the exact limit
        load = math.fsum(hours[c] for c, t in chosen.items() if t == mate)
        if load > max(spare[mate], 0.0) + HOURS_SLACK:
            raise RuntimeError(f"the handoff solver overfilled {mate}: {load} > {spare[mate]}")
    return chosen
