"""The exit codes of every `zhineng` command, and the --help text that documents them (one home for both).

argparse owns 2 for a usage error, so no command may use 2 for anything else: a script could not tell a typo in
its own command line from a report that skipped some input.
"""

from __future__ import annotations

EXIT_OK = 0
EXIT_ERROR = 1  # `zhineng: why` or `file:line:col: what` on stderr; nothing written
EXIT_USAGE = 2  # argparse: an unknown option or a bad value, with the usage line
EXIT_SKIPPED = 3  # `report` and `rate`: the output was written, but some input was skipped (listed on stderr)

EPILOG = f"""\
exit codes:
  {EXIT_OK}  done
  {EXIT_ERROR}  an error in the course, the input or the output (stderr says where); nothing written
  {EXIT_USAGE}  a usage error: an unknown option or a bad value (with the usage line)
  {EXIT_SKIPPED}  report and rate: the output was written, but some input was skipped (listed on stderr)

Data (coverage, schema, standard, new-module without --out, preview's address) goes to stdout;
every message (what was checked and written, warnings, errors) goes to stderr."""
