"""A synthetic authority: believable, internally consistent, deterministic for a seed.

``generate(SynthConfig(children=1000, years=5, seed=1))`` returns the whole canonical dataset.
"""

from lookedafter.synth.config import PRESETS, Practice, SynthConfig
from lookedafter.synth.generate import generate

__all__ = ["PRESETS", "Practice", "SynthConfig", "generate"]
