"""`python -m compute_ledger …`: the command line lives in the book layer (`book.cli`)."""
import sys

from .book.cli import main

sys.exit(main())
