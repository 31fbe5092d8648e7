"""The fixed vocabularies of the ledger, importable without Pydantic (for fast start-up)."""

ME = "me"  # the owner of a client the leader still serves personally
ACTIVITIES = ("one-on-one", "coaching", "team", "hiring", "strategy", "learning", "admin")
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
