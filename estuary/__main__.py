"""python -m estuary"""

from estuary.cli import main

main()
