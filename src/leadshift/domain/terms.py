"""The fixed vocabularies of the ledger, importable without Pydantic (for fast start-up)."""

ME = "me"  # the owner of a client the leader still serves personally
ACTIVITIES = ("one-on-one", "coaching", "team", "hiring", "strategy", "learning", "admin")
# Time spent with your people: a client call that cuts into it is the warning sign of docs/coaching.md, 14.
TEAM_TIME = ("one-on-one", "coaching", "team", "hiring")
# What client hours were for. Only delivery, the work your teammates' job descriptions hold, counts
# against the time budget; staying close to a client the team serves, and winning new deals, are the
# leader's own job (docs/coaching.md, 6). The first is the default.
CLIENT_WORK = ("delivery", "relationship", "new-business")
# Who owes an action item from a 1:1: you, the leader, or the teammate. What you owe comes first.
ACTION_OWNERS = ("me", "them")
NO_KINDS = ("one-on-one", "interview", "team", "strategy", "learning", "personal", "other", "nothing")
ONE_ON_ONE_STATUSES = ("held", "cancelled", "interrupted")
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
# A handoff's stages in order. The last is not a stage of the handoff itself: it
# begins when the teammate becomes the owner (the handoff is done), and the
# leader stays on the client's map with occasional check-ins.
HANDOFF_STAGES = ("prepare", "introduce", "co-lead", "lead", "check-ins")
# Clients of this weight (1-5) and up are "growth accounts": the prestigious, complex
# accounts people grow on (docs/coaching.md, 4). The review counts them; the handoff plan spreads them.
GROWTH_WEIGHT = 4
# The addresses `log --calendar` reads (a client's domains, people's emails), checked where they enter
# (cli/addresses.py) and in the ledger (domain/calendar_rules.py). Labels of letters, digits and inner
# hyphens, at least two of them: acme.com, mail.initech.io.
_LABELS = r"([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z][a-z0-9-]{0,61}[a-z0-9]"
DOMAIN_PATTERN = rf"^{_LABELS}$"
EMAIL_PATTERN = rf"^[a-z0-9.!#$%&'*+/=?^_`{{|}}~-]{{1,64}}@{_LABELS}$"
