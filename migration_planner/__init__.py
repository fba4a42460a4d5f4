"""Migration Planner core: inventory, placement, schedule, subsidy and exports.

This package never imports Qt; the ``ui`` package adapts it.
"""

__version__ = "0.1.0"
APP_NAME = "移行計画プランナー"
APP_NAME_EN = "Migration Planner"
