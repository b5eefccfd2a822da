"""Open edX course packages (OLX): the course as chapters of native HTML and our blocks' XML.

A function of the course model, run at build time; the blocks in `xblocks/` never import it.
"""
