"""The case register app: children, their records, staff, access, audit and every page."""
