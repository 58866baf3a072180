"""The replenishment forecast on crafted histories: flat, growing, seasonal, spike."""

import math
import unittest
from pathlib import Path

from .. import forecast as fc

DOC = Path(__file__).resolve().parents[3] / "docs" / "replenishment.md"


def worked_example(path=DOC):
    """The figures of the docs' worked example: ``{key: [numbers]}``.

    Read from the ``text`` block after the ``<!-- worked-example -->`` marker.
    """
    text = path.read_text(encoding="utf-8").split("<!-- worked-example -->", 1)[1]
    block = text.split("```text", 1)[1].split("```", 1)[0]
    figures = {}
    for line in block.strip().splitlines():
        key, values = line.split(":", 1)
        figures[key.strip()] = [float(value) for value in values.split()]
    return figures


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
        doc = worked_example()
        result = fc.suggest(
            doc["amazon_weekly"],
            doc["store_weekly"],
            doc["amazon_on_hand"][0],
            doc["inbound"][0],
            doc["free_stock"][0],
        )
        self.assertEqual(result.forecast.spikes, (int(doc["spike_week"][0]) - 1,))
        self.assertAlmostEqual(result.forecast.lead_factor, doc["store_lead_factor"][0])
        self.assertSeries(result.forecast.demand, doc["forecast_weekly"])
        self.assertAlmostEqual(result.forecast.total, doc["forecast_total"][0])
        self.assertAlmostEqual(result.safety, doc["cover"][0])
        self.assertAlmostEqual(result.need, doc["need"][0])
        self.assertEqual(result.quantity, doc["suggested"][0])
        self.assertEqual(result.quantity, 27, "the docs' example itself")
