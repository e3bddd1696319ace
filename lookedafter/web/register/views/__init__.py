"""Function views: check access, call one action or query, render. Grouped by who uses them."""
