"""danchu: grassroots democracy records, deadlines and reports for Vietnamese public agencies."""

__version__ = "0.1.0"
