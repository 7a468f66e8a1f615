"""claimgraph: who says what in the news, through whom, and how many independent sources stand behind it."""

__version__ = "0.1.0"
