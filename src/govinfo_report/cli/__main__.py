"""``python -m govinfo_report.cli``: the command."""

from .command import main

raise SystemExit(main())
