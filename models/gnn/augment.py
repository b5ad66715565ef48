"""Synthetic sensor faults written into feature rows, for training the sensor-graph model.

A real export holds a few dozen sensor-fault episodes, each hours long and tied to one process
history, which a model memorises. Here any tag of any training row can be given a fault of the
simulator's four kinds, drawn like FaultSchedule draws them (drift 5-30 unit/h either sign on
degC tags, stuck at the value of the fault's start, spikes of 30 % of the instrument's range on 2 %
of samples, dropout of 30-100 % of samples), `tau` seconds after its start. The window statistics
(mean, std, min, max, slope over 1m/5m/15m, sample counts from the tag's sampling period) are
recomputed from the row's own statistics: exactly for a stuck value, approximately otherwise.
"""

import math

import numpy as np

WINDOWS_S = [60, 300, 900]
STATS = 5  # mean, std, min, max, slope
KINDS = ["thermocouple-drift", "stuck-sensor", "sensor-spikes", "sensor-dropout"]
SPIKE_PROBABILITY = 0.02
SPIKE_SHARE_OF_SPAN = 0.3


class Augmenter:
    def __init__(self, nodes, tags, seed, grace_s, max_tau_s=6 * 3600):
        self.period = np.array([tags[n]["samplingSeconds"] for n in nodes], dtype=np.int64)
        self.span = np.array([tags[n]["max"] - tags[n]["min"] for n in nodes])
        self.faultable = np.array([i for i, n in enumerate(nodes) if tags[n]["unit"] != "1/min"])
        self.degc = np.array([i for i, n in enumerate(nodes) if tags[n]["unit"] == "degC"])
        self.rng = np.random.default_rng(seed)
        self.grace_s = grace_s
        self.max_tau_s = max_tau_s
        self.ranges = {}

    def expected_range(self, n):
        """Mean range (max - min) of n standard normal samples (Monte Carlo, cached)."""
        if n not in self.ranges:
            z = np.random.default_rng(n).standard_normal((400, n))
            self.ranges[n] = float((z.max(axis=1) - z.min(axis=1)).mean()) if n > 1 else 0.0
        return self.ranges[n]

    def apply(self, raw, earlier, labels, share):
        """Gives about `share` of the rows raw [B, N, K] (float64, edited in place) one synthetic
        fault on a tag not faulted already (labels [B, N] == 0), sets its label; `earlier(b, tau)`
        gives row b's raw node features tau seconds before (for the stuck value)."""
        for b in np.nonzero(self.rng.random(len(raw)) < share)[0]:
            kind = KINDS[self.rng.integers(len(KINDS))]
            pool = self.degc if kind == "thermocouple-drift" else self.faultable
            pool = pool[labels[b, pool] == 0]
            if len(pool) == 0:
                continue
            node = int(pool[self.rng.integers(len(pool))])
            lo = self.grace_s.get(kind, 60)
            tau = float(np.exp(self.rng.uniform(math.log(lo), math.log(self.max_tau_s))))
            f = raw[b, node]
            period = int(self.period[node])
            if kind == "stuck-sensor":
                self.stuck(f, earlier(b, tau)[node, 0], tau, period)
            elif kind == "sensor-spikes":
                self.spikes(f, SPIKE_SHARE_OF_SPAN * self.span[node], tau, period)
            elif kind == "thermocouple-drift":
                rate = self.rng.uniform(5, 30) * self.rng.choice([-1, 1]) / 3600.0
                self.drift(f, rate, tau)
            else:
                self.dropout(f, self.rng.uniform(0.3, 1.0), tau, period)
            labels[b, node] = 1

    @staticmethod
    def counts(tau, period):
        """Samples per window, and how many of them fall after the fault's start."""
        n = [max(1, w // period) for w in WINDOWS_S]
        faulted = [min(k, int(tau // period)) for k in n]
        return n, faulted

    def stuck(self, f, value, tau, period):
        if not np.isfinite(value):
            return
        n, faulted = self.counts(tau, period)
        for w in range(len(WINDOWS_S)):
            o = w * STATS
            frac = faulted[w] / n[w]
            if frac >= 1:
                f[o:o + STATS] = [value, 0.0, value, value, 0.0 if n[w] > 1 else np.nan]
            elif frac > 0 and np.isfinite(f[o]):
                m, s = f[o], f[o + 1]
                f[o] = frac * value + (1 - frac) * m
                f[o + 1] = math.sqrt((1 - frac) * s * s + frac * (1 - frac) * (value - m) ** 2)
                f[o + 2], f[o + 3] = min(f[o + 2], value), max(f[o + 3], value)
                f[o + 4] *= 1 - frac

    def spikes(self, f, amplitude, tau, period):
        n, faulted = self.counts(tau, period)
        up = down = 0
        before = 0
        for w in range(len(WINDOWS_S)):
            o = w * STATS
            hits = self.rng.binomial(faulted[w] - before, SPIKE_PROBABILITY)
            before = faulted[w]
            ups = self.rng.binomial(hits, 0.5)
            up, down = up + ups, down + hits - ups
            if up + down == 0 or not np.isfinite(f[o]):
                continue
            m, s, k = f[o], f[o + 1], n[w]
            if k == 1:
                f[o] = m + amplitude * (1 if up else -1)
                f[o + 2] = f[o + 3] = f[o]
                continue
            f[o] = m + (up - down) * amplitude / k
            var = s * s + (up + down) * amplitude ** 2 / (k - 1) - ((up - down) * amplitude) ** 2 / (k * (k - 1))
            f[o + 1] = math.sqrt(max(var, 0.0))
            if up:
                f[o + 3] = max(f[o + 3], m + amplitude + s * self.rng.standard_normal())
            if down:
                f[o + 2] = min(f[o + 2], m - amplitude + s * self.rng.standard_normal())
            window = WINDOWS_S[w]
            f[o + 4] += amplitude * math.sqrt(12.0 * (up + down)) / (k * window) * self.rng.standard_normal()

    @staticmethod
    def drift(f, rate, tau):
        for w, window in enumerate(WINDOWS_S):
            o = w * STATS
            if not np.isfinite(f[o]):
                continue
            length = min(window, tau)
            frac = length / window
            a, b = rate * (tau - length), rate * tau  # offset at the first faulted sample and now
            mean_offset = frac * (a + b) / 2
            second = frac * (a * a + a * b + b * b) / 3
            f[o] += mean_offset
            f[o + 1] = math.sqrt(f[o + 1] ** 2 + max(second - mean_offset ** 2, 0.0))
            start_offset = a if frac >= 1 else 0.0
            f[o + 2] += min(start_offset, b)
            f[o + 3] += max(start_offset, b)
            if np.isfinite(f[o + 4]):
                f[o + 4] += rate * frac

    def dropout(self, f, probability, tau, period):
        n, faulted = self.counts(tau, period)
        kept_faulted = 0
        before = 0
        for w in range(len(WINDOWS_S)):
            o = w * STATS
            kept_faulted += self.rng.binomial(faulted[w] - before, 1 - probability)
            before = faulted[w]
            kept = n[w] - faulted[w] + kept_faulted
            if kept >= n[w] or not np.isfinite(f[o]):
                continue
            if kept == 0:
                f[o:o + STATS] = np.nan
                continue
            m, s = f[o], f[o + 1]
            f[o] = m + s * self.rng.standard_normal() * math.sqrt(max(1.0 / kept - 1.0 / n[w], 0.0))
            if kept == 1:
                f[o + 1], f[o + 2], f[o + 3], f[o + 4] = 0.0, f[o], f[o], np.nan
                continue
            shrink = self.expected_range(kept) / max(self.expected_range(n[w]), 1e-9)
            f[o + 2] = f[o] + (f[o + 2] - m) * shrink
            f[o + 3] = f[o] + (f[o + 3] - m) * shrink
            f[o + 1] = s * max(0.0, 1 + self.rng.standard_normal() / math.sqrt(2 * (kept - 1)))
