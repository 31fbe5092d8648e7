"""Handing the leader's clients to the team (pure): who takes which, why, in what stages, and the saved handoffs.

scoring    how well a teammate fits a client: points and reasons
solver     the exact best assignment within everyone's spare hours
plan       the dated plan: assignments, what nobody can take, the load
stages     the stages, what to do in each, and where a saved handoff stands
pacing     how many handoffs start a week, and the weeks no stage starts in
changes    saving a plan, advancing a stage, cancelling
"""
