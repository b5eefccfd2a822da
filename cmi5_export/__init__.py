"""cmi5 course packages: the SCO runtime with an xAPI adapter, one AU per module."""
