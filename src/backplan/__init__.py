"""backplan: a command-line planner for back training."""

__version__ = "0.1.0"
