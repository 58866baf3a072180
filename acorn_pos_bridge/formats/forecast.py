"""Weekly demand forecast for Amazon replenishment (pure Python, no Odoo).

The method (docs/replenishment.md walks through a worked example):

1. **Spikes** (a store promotion, a Prime Day): a week whose robust z-score
   ``0.6745 * (x - median) / MAD`` exceeds ``SPIKE_Z`` (3.5, Iglewicz and
   Hoaglin) is flagged and replaced by the median before anything else, so a
   promotion is reported, never extrapolated.
2. **Seasonality** (only with at least two full seasons of history): the index
   of a week of the season is the mean of that week over the last two seasons
   divided by the mean of those two seasons (floored at ``MIN_INDEX``); recent
   weeks are divided by their index before the trend is fitted, and forecast
   weeks multiplied by theirs.
3. **Weighted moving average with trend**: over the last ``window`` weeks, with
   linear weights 1..window (the latest week weighs most), the level is the
   weighted mean and the trend the weighted least-squares slope; the level is
   carried to the latest week, then ``forecast(h) = level + trend * h`` (never
   below zero).
4. **Store lead**: stores react first (a listing, a trend, a season). The
   stores' growth ratio over the last ``lag`` weeks against the ``lag`` weeks
   before, divided by Amazon's own ratio over the same weeks (Amazon's growth is
   already in its trend), is what Amazon has not shown yet; ``store_weight`` of
   it, bounded by ``LEAD_BOUNDS``, multiplies the forecast: in full from
   ``lag`` weeks ahead, ramped in linearly over the weeks before.
5. **Suggestion**: demand over the horizon plus ``cover_weeks`` of safety, less
   what Amazon holds and what is on its way (open POs not shipped, ASNs sent
   not received), rounded up, never more than our free stock (flagged when
   capped).
"""

import math
from dataclasses import dataclass, field
from statistics import median

SPIKE_Z = 3.5
MAD_SCALE = 0.6745
MEAN_AD_SCALE = 0.7979
MIN_INDEX = 0.1
LEAD_BOUNDS = (0.5, 2.0)


@dataclass(frozen=True)
class Settings:
    """How a forecast is made (the defaults are the documented method)."""

    horizon: int = 4
    window: int = 8
    season: int = 52
    lag: int = 4
    store_weight: float = 0.5
    cover_weeks: float = 1.0


@dataclass(frozen=True)
class Forecast:
    """The forecast of one product and the figures behind it."""

    weeks: int
    level: float
    trend: float
    seasonal: bool
    lead_factor: float
    demand: tuple
    spikes: tuple = ()
    store_spikes: tuple = ()
    flags: tuple = field(default=())

    @property
    def total(self):
        """Demand over the whole horizon."""
        return sum(self.demand)


@dataclass(frozen=True)
class Suggestion:
    """What to plan for Amazon: the need and the quantity suggested."""

    forecast: Forecast
    on_hand: float
    inbound: float
    free_stock: float
    safety: float
    position: float
    need: float
    quantity: int
    flags: tuple


def robust_spikes(series, threshold=SPIKE_Z):
    """Indices of the weeks far above the median (robust z-score > threshold).

    The MAD (median absolute deviation) is used; when it is zero (most weeks
    equal), the mean absolute deviation scaled to the same unit replaces it.

    Args:
        series: Weekly quantities.
        threshold: The robust z-score above which a week is a spike.

    Returns:
        tuple: The indices flagged, in order.
    """
    if len(series) < 4:
        return ()
    middle = median(series)
    deviations = [abs(x - middle) for x in series]
    mad = median(deviations)
    if mad:
        scores = [MAD_SCALE * (x - middle) / mad for x in series]
    else:
        mean_ad = sum(deviations) / len(deviations)
        if not mean_ad:
            return ()
        scores = [MEAN_AD_SCALE * (x - middle) / mean_ad for x in series]
    return tuple(i for i, score in enumerate(scores) if score > threshold)


def clean_spikes(series):
    """``(cleaned series, spike indices)``: spikes replaced by the median."""
    spikes = robust_spikes(series)
    if not spikes:
        return list(series), ()
    middle = median(series)
    return [middle if i in spikes else x for i, x in enumerate(series)], spikes


def seasonal_indices(series, season):
    """Index per week of the season from the last two seasons, else None.

    Returns:
        list | None: ``season`` indices, index ``p`` for weeks ``t`` with
        ``t % season == p`` (``t`` counted from the first week of ``series``).
    """
    if season < 2 or len(series) < 2 * season:
        return None
    start = len(series) - 2 * season
    recent = series[start:]
    mean = sum(recent) / len(recent)
    if not mean:
        return None
    indices = [0.0] * season
    for offset in range(season):
        week = (start + offset) % season
        pair = (recent[offset] + recent[offset + season]) / 2
        indices[week] = max(pair / mean, MIN_INDEX)
    return indices


def weighted_trend(values):
    """``(level at the last point, slope)`` by linear-weighted least squares.

    Weights are 1..n, the latest point weighing most.
    """
    n = len(values)
    if not n:
        return 0.0, 0.0
    weights = range(1, n + 1)
    total = sum(weights)
    t_mean = sum(w * t for t, w in enumerate(weights)) / total
    y_mean = sum(w * y for y, w in zip(values, weights, strict=True)) / total
    spread = sum(w * (t - t_mean) ** 2 for t, w in enumerate(weights))
    covariance = sum(
        w * (t - t_mean) * (y - y_mean)
        for t, (y, w) in enumerate(zip(values, weights, strict=True))
    )
    slope = covariance / spread if spread else 0.0
    return y_mean + slope * (n - 1 - t_mean), slope


def growth_ratio(series, lag):
    """Mean of the last ``lag`` weeks over the mean of the ``lag`` before."""
    if lag < 1 or len(series) < 2 * lag:
        return None
    before = sum(series[-2 * lag : -lag])
    return sum(series[-lag:]) / before if before else None


def lead_factor(amazon, store, settings):
    """How much of the stores' recent growth Amazon has not shown yet.

    Returns:
        float: 1.0 without enough store history; else bounded by LEAD_BOUNDS.
    """
    store_ratio = growth_ratio(store, settings.lag)
    if store_ratio is None:
        return 1.0
    amazon_ratio = growth_ratio(amazon, settings.lag) or 1.0
    raw = 1 + settings.store_weight * (store_ratio / amazon_ratio - 1)
    return min(max(raw, LEAD_BOUNDS[0]), LEAD_BOUNDS[1])


def _lead_at(factor, week, lag):
    """The lead factor applied ``week`` weeks ahead: ramped in over ``lag``."""
    if lag < 1 or week >= lag:
        return factor
    return 1 + (factor - 1) * week / lag


def forecast(amazon, store=(), settings=Settings()):
    """Forecasts Amazon's weekly demand for ``settings.horizon`` weeks.

    Args:
        amazon: Amazon's weekly sell-through, oldest week first.
        store: The stores' weekly sales over the same weeks (may be shorter:
            its last week is the same calendar week as Amazon's).
        settings: The method's parameters.

    Returns:
        Forecast: demand per week ahead and the figures behind it.
    """
    cleaned, spikes = clean_spikes(list(amazon))
    store_cleaned, store_spikes = clean_spikes(list(store))
    indices = seasonal_indices(cleaned, settings.season)
    n = len(cleaned)
    level, trend = weighted_trend(_recent(cleaned, indices, settings))
    factor = lead_factor(cleaned, store_cleaned, settings)
    demand = []
    for week in range(1, settings.horizon + 1):
        base = max(level + trend * week, 0.0)
        index = indices[(n - 1 + week) % settings.season] if indices else 1.0
        demand.append(base * index * _lead_at(factor, week, settings.lag))
    flags = _forecast_flags(n, spikes, store_spikes, indices, factor)
    return Forecast(
        weeks=n,
        level=level,
        trend=trend,
        seasonal=bool(indices),
        lead_factor=factor,
        demand=tuple(demand),
        spikes=spikes,
        store_spikes=store_spikes,
        flags=flags,
    )


def _recent(series, indices, settings):
    """The last ``window`` weeks, divided by their seasonal index if any."""
    start = max(0, len(series) - settings.window)
    return [
        x / indices[t % settings.season] if indices else x
        for t, x in enumerate(series[start:], start=start)
    ]


def _forecast_flags(weeks, spikes, store_spikes, indices, factor):
    flags = []
    if weeks < 4:
        flags.append("short_history")
    if spikes:
        flags.append("amazon_spike")
    if store_spikes:
        flags.append("store_spike")
    if indices:
        flags.append("seasonal")
    if factor != 1.0:
        flags.append("store_lead")
    return tuple(flags)


def suggest(amazon, store, on_hand, inbound, free_stock, settings=Settings()):
    """The quantity to plan for Amazon over the horizon.

    ``need = demand + cover_weeks * mean weekly demand - (on_hand + inbound)``,
    rounded up and never below zero; the suggestion is the need capped by our
    free stock (flag ``short`` when capped).

    Args:
        amazon: Amazon's weekly sell-through, oldest first.
        store: The stores' weekly sales, same calendar weeks.
        on_hand: Amazon's units on hand (latest report).
        inbound: Units on their way to Amazon (open POs, ASNs not received).
        free_stock: Our units not reserved.
        settings: The method's parameters.

    Returns:
        Suggestion
    """
    result = forecast(amazon, store, settings)
    weekly = result.total / settings.horizon if settings.horizon else 0.0
    safety = settings.cover_weeks * weekly
    position = on_hand + inbound
    need = max(result.total + safety - position, 0.0)
    needed = math.ceil(round(need, 6))
    quantity = min(needed, max(math.floor(free_stock), 0))
    flags = result.flags + (("short",) if quantity < needed else ())
    return Suggestion(
        result, on_hand, inbound, free_stock, safety, position, need, quantity, flags
    )
