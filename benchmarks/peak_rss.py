"""Run a command and write its peak resident memory (rusage ru_maxrss) to a file: `peak_rss.py FILE ARGV...`.

A process's ru_maxrss starts from the memory of the process that forked it (Linux keeps the larger of
the two across fork and exec), so a command started straight from the benchmark, which has leadshift
and Pydantic loaded, would never show less than the benchmark's own memory. Started from this script
instead, run with `python -S -I` and importing only built-in modules, the floor is below what
`python -c pass` itself uses. Exits with the command's exit code.
"""

import posix
import sys

report, argv = sys.argv[1], sys.argv[2:]
child = posix.fork()
if child == 0:
    try:
        posix.execv(argv[0], argv)
    finally:
        posix._exit(127)
_, status, usage = posix.wait4(child, 0)
with open(report, "w") as out:
    out.write(f"{usage.ru_maxrss}\n")
sys.exit(posix.waitstatus_to_exitcode(status))
