"""Tests of the POS bridge's pure code: format readers, cleaning, forecast."""
