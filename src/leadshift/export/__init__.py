"""From a ledger to an export file's bytes, pure (no files, no clock, no terminal): `leadshift export`.

pseudonyms stable pseudonyms of client and teammate keys (--anonymize), and the ledger's id
columns    which fields become columns, and what each may carry: notes, names, keys
tables     the tables: the book's, one per record type, the weeks
weeks      one row per week, with the review's own figures
formats    the tables as CSV, JSON Lines or an SQLite database
"""
