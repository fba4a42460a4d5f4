"""移行計画プランナー: ``python main.py`` opens the window; ``python main.py VERB …`` runs the command line."""

from migration_planner.launcher import main

if __name__ == "__main__":
    raise SystemExit(main())
