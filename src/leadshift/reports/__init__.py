"""From a ledger to result objects, pure (no files, no clock, no terminal): what the report commands show.

figures    the week's figures: hours, clients, attention, 1:1s, escalations
team_side  the time budget's rule, teammates pulled onto your clients, team time interrupted
findings   coaching from those figures: a code, a severity, the numbers, one step
review     the weekly fairness report: the figures and their findings
said_no    what each yes to a client cost the team (`leadshift check`)
day        a day's hours and client share (after `log`)
listing    what `show` and the `list` commands list
receipts   what a command that writes records reports back
"""
