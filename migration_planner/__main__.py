"""``python -m migration_planner VERB …``: the headless command line."""

from migration_planner.launcher import main

raise SystemExit(main())
