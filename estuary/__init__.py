"""estuary: a knowledge-graph explorer for the Yangtze River Estuary collaboration zone."""

__version__ = "0.1.0"
