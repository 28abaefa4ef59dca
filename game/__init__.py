"""Politburo 1922–1929: a turn-based historical strategy game about Lenin's succession."""
__version__ = "0.1.0"
