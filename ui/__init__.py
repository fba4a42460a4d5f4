"""The PySide6 interface. Adapts the Qt-free core in ``migration_planner``."""
