"""zhineng (職能): the 電子商務行銷企劃人員 competency standard as trackable learning."""

__version__ = "0.1.0"
