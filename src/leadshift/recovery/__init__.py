"""Finding and mending what is wrong with a ledger folder; it reads and writes only through storage.

examine    what is wrong with one file's bytes, said without quoting them
backups    the backups: what each is a version of, what it holds, whether it fits
doctor     every problem of the folder, each with its fix
conflicts  what a git merge set aside, as doctor reports it
fixes      doctor --fix: permissions and leftovers of interrupted saves
restore    putting a backup back, keeping the version it replaces
"""
