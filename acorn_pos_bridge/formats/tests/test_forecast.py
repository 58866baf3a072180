"""The replenishment forecast on crafted histories: flat, growing, seasonal, spike."""

import math
import unittest

from acorn_pos_bridge.formats import forecast as fc

# The worked example of docs/replenishment.md ("Worked example"): the same numbers.
DOC_AMAZON = [10, 10, 10, 10, 10, 40, 10, 10]
DOC_STORE = [20, 20, 20, 20, 24, 24, 24, 24]
DOC_ON_HAND, DOC_INBOUND, DOC_FREE = 15, 12, 100


class TestForecast(unittest.TestCase):
    def assertSeries(self, actual, expected):
        self.assertEqual(len(actual), len(expected))
        for got, want in zip(actual, expected, strict=True):
            self.assertAlmostEqual(got, want, places=6)

    def test_flat(self):
        result = fc.forecast([10] * 12)
        self.assertSeries(result.demand, [10, 10, 10, 10])
        self.assertAlmostEqual(result.trend, 0)
        self.assertEqual(result.flags, ())

    def test_growing_follows_the_line(self):
        history = [10 + 2 * week for week in range(12)]  # 10 .. 32
        result = fc.forecast(history)
        self.assertAlmostEqual(result.trend, 2)
        self.assertSeries(result.demand, [34, 36, 38, 40])

    def test_weights_favour_recent_weeks(self):
        # A step up: the weighted level sits nearer the new level than a plain mean.
        level, _slope = fc.weighted_trend([10, 10, 10, 10, 20, 20, 20, 20])
        self.assertGreater(level, 20)
        self.assertGreater(fc.weighted_trend([10] * 4 + [20] * 4)[0], 15)

    def test_seasonal_needs_two_seasons(self):
        pattern = [1 + 0.5 * math.sin(2 * math.pi * week / 52) for week in range(52)]
        history = [20 * pattern[week % 52] for week in range(104)]
        result = fc.forecast(history)
        self.assertTrue(result.seasonal)
        self.assertIn("seasonal", result.flags)
        self.assertSeries(
            result.demand, [20 * pattern[h % 52] for h in range(104, 108)]
        )
        short = fc.forecast(history[:100])
        self.assertFalse(short.seasonal)

    def test_spike_flagged_not_extrapolated(self):
        history = [10, 11, 9, 10, 10, 11, 9, 10, 10, 60]
        result = fc.forecast(history)
        self.assertEqual(result.spikes, (9,))
        self.assertIn("amazon_spike", result.flags)
        for week in result.demand:
            self.assertLess(week, 12)

    def test_store_spike_does_not_lead(self):
        store = [20] * 11 + [90]
        result = fc.forecast([10] * 12, store)
        self.assertEqual(result.store_spikes, (11,))
        self.assertEqual(result.lead_factor, 1.0)
        self.assertSeries(result.demand, [10, 10, 10, 10])

    def test_store_growth_leads_amazon(self):
        result = fc.forecast([10] * 8, [20] * 4 + [24] * 4)
        self.assertAlmostEqual(result.lead_factor, 1.1)
        self.assertSeries(result.demand, [10.25, 10.5, 10.75, 11])

    def test_no_spike_on_short_or_constant_series(self):
        self.assertEqual(fc.robust_spikes([1, 50]), ())
        self.assertEqual(fc.robust_spikes([5] * 10), ())

    def test_empty_history_suggests_nothing(self):
        result = fc.suggest([], [], 0, 0, 100)
        self.assertEqual(result.quantity, 0)
        self.assertIn("short_history", result.flags)

    def test_suggestion_capped_by_free_stock(self):
        result = fc.suggest([10] * 8, [], 0, 0, 30)
        self.assertEqual(result.quantity, 30)
        self.assertIn("short", result.flags)

    def test_worked_example_of_the_docs(self):
        result = fc.suggest(DOC_AMAZON, DOC_STORE, DOC_ON_HAND, DOC_INBOUND, DOC_FREE)
        self.assertEqual(result.forecast.spikes, (5,))
        self.assertAlmostEqual(result.forecast.lead_factor, 1.1)
        self.assertSeries(result.forecast.demand, [10.25, 10.5, 10.75, 11])
        self.assertAlmostEqual(result.forecast.total, 42.5)
        self.assertAlmostEqual(result.safety, 10.625)
        self.assertAlmostEqual(result.position, 27)
        self.assertAlmostEqual(result.need, 26.125)
        self.assertEqual(result.quantity, 27)
