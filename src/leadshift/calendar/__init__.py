"""A day from the leader's calendar file (pure: bytes in, a proposed day out; no files, no clock).

events     the events of one day in an iCalendar file, in the leader's zone (icalendar, loaded only here)
classify   what each event becomes: records, each with its event; the events it cannot place; those it skips
memory     the answers the leader gave, remembered by series and title
hours      an event's hours: its time on the day not already counted for an earlier event
"""
