"""`python -m backplan` runs the command line, like `backplan`."""

from backplan.cli import main

main()
