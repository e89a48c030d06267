"""The command line (``govinfo-report``: ``command``), its progress line and the demo."""
