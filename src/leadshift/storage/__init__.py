"""The only package that opens the ledger folder: reading, writing, locking, backups, the cache.

layout       every file name and pattern of a ledger folder
location     which folder: --ledger, $LEADSHIFT_HOME or the user data dir
reader       reading the book and the months a command needs
store        the only way a ledger changes (Store.change() and its Draft)
guards       the checks every write makes under the lock
journal      each change's files before and after, for undo and redo (journal/)
rewind       undo and redo: a journalled change's files put back, under the lock
hand_edits   replacing a file with a version edited by hand
codec        TOML bytes <-> validated models, errors that name the line
durable      atomic writes, fsync, private permissions, rotating backups
export_key   the secret behind export's pseudonyms (export.key), made once
lock         the exclusive lock every write takes
interrupts   Ctrl-C held while a save runs
migrations   older schema versions brought up to date
cache        the cache of validated months (.cache/)
months       month files read through the cache, each only when needed
digest       the few records of a month that history is read for
survey       looking at the folder for doctor and restore, changing nothing
repairs      the writes of doctor --fix and restore
writable     no write into a folder or file its owner made read-only
git          the folder as a git repository: git run in it, its set-up, permissions after git wrote
git_changes  what a commit of the ledger changed, in undo's words
merge_files  the files of git's merge driver: three versions in, the merged one and what was set aside out
"""
