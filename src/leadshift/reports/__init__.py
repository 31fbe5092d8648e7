"""From a ledger to result objects, pure (no files, no clock, no terminal): what the report commands show.

figures    the week's figures: hours, clients, attention, 1:1s, escalations
finding    a finding: a code, a severity, the numbers, one step
findings   coaching from those figures, most important first
recent     the four weeks ending with the reviewed one, and the four before: habits, not accidents
trouble    findings over those four weeks: asking first, requests, over need, a share that will not fall
progress   findings of severity good: progress named with its numbers
team_side  the time budget's rule, teammates pulled onto your clients, team time interrupted
review     the weekly fairness report: the figures and their findings
said_no    what each yes to a client cost the team (`leadshift check`)
prep       the brief for the next 1:1 with one teammate (`leadshift prep`)
prep_items what that brief lists: its result types
questions  the two or three questions the brief suggests, in a fixed order
day        a day's hours and client share (after `log`)
listing    what `show` and the `list` commands list
owed       what you owe your people as of a day: action items and obstacles, listed, late or waiting
receipts   what a command that writes records reports back
"""
