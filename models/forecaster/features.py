"""Reads a DatasetExport run (features/<furnace>.csv, faults.jsonl, manifest.json) for Vitrum's
forecaster, GNN and ensemble training scripts, and builds what they share: the defect rates, the
fault timeline and the furnace split.

A feature row at `at` (epoch ms, one per minute) holds, per tag, mean/std/min/max/slope over the
windows 1m, 5m and 15m ending at `at`, then the domain:* columns; an empty cell is NaN. Column
names carry no furnace prefix (`crown.T1:5m:mean`), so one column list serves every furnace.
"""

import datetime
import glob
import json
import os

import numpy as np

CLASSES = ["crack", "bubble", "stone", "chip"]
MINUTE_MS = 60_000
SENSOR_KINDS = ["thermocouple-drift", "stuck-sensor", "sensor-spikes", "sensor-dropout"]
PROCESS_KINDS = ["burner-degradation", "batch-moisture", "cullet-swing", "lehr-fan-failure",
                 "refractory-wear"]


class Furnace:
    """One furnace's feature rows: `at` [T] int64 epoch ms and `values` [T, C] float64."""

    def __init__(self, furnace, names, at, values):
        self.furnace = furnace
        self.names = names
        self.index = {n: i for i, n in enumerate(names)}
        self.at = at
        self.values = values

    def columns(self, names):
        """The [T, len(names)] matrix of the named columns (a missing name is an error)."""
        return self.values[:, [self.index[n] for n in names]]

    def rates(self):
        """rate_c(t) = 1000 * insp.reject.<c>:15m:mean / insp.inspected:15m:mean, [T, 4] in
        CLASSES order; NaN where nothing was inspected."""
        inspected = self.values[:, self.index["insp.inspected:15m:mean"]]
        rejects = self.columns([f"insp.reject.{c}:15m:mean" for c in CLASSES])
        with np.errstate(divide="ignore", invalid="ignore"):
            rates = 1000.0 * rejects / inspected[:, None]
        rates[~(inspected > 0)] = np.nan
        return rates


class Export:
    """A DatasetExport directory: its furnaces (sorted F1, F2, ... by number), faults and manifest."""

    def __init__(self, root):
        self.root = root
        with open(os.path.join(root, "manifest.json")) as f:
            self.manifest = json.load(f)
        paths = sorted(glob.glob(os.path.join(root, "features", "*.csv")),
                       key=lambda p: int(os.path.basename(p)[1:-4]))
        if not paths:
            raise FileNotFoundError(f"{root}/features/*.csv: export with --features-every-s 60")
        self.furnaces = [read_features(p) for p in paths]
        self.faults = read_faults(os.path.join(root, "faults.jsonl"))
        self.tags = read_tags(os.path.join(root, "tags.csv"))
        self.files = ([os.path.relpath(p, root) for p in paths]
                      + ["defects.jsonl", "faults.jsonl", "manifest.json"])

    def args(self):
        """The DatasetExport arguments that reproduce this run (without --out)."""
        m = self.manifest
        hours = m["hours"]
        hours = int(hours) if float(hours).is_integer() else hours
        return (f"--furnaces {m['furnaces']} --hours {hours} --seed {m['seed']} "
                f"--features-every-s {m['featuresEverySeconds']}")

    def faults_of(self, furnace):
        return [f for f in self.faults if f["furnace"] == furnace]


def read_features(path):
    furnace = os.path.basename(path)[:-4]
    with open(path) as f:
        names = f.readline().rstrip("\n").split(",")[1:]
        rows = [[x if x else "nan" for x in line.rstrip("\n").split(",")] for line in f]
    table = np.array(rows, dtype=np.float64)
    at = table[:, 0].astype(np.int64)
    if len(at) > 1 and not np.all(np.diff(at) == MINUTE_MS):
        raise ValueError(f"{path}: rows are not one per minute")
    return Furnace(furnace, names, at, table[:, 1:])


def read_tags(path):
    """The instruments of the first furnace of tags.csv by name without the furnace prefix:
    {"crown.T1": {"unit": "degC", "min": 0.0, "max": 1800.0, "samplingSeconds": 1}, ...}."""
    tags, first = {}, None
    with open(path) as f:
        next(f)
        for line in f:
            tag, _quantity, unit, lo, hi, sampling = line.rstrip("\n").split(",")
            furnace, rest = tag.split(".", 1)
            first = first or furnace
            if furnace == first:
                tags[rest] = {"unit": unit, "min": float(lo), "max": float(hi),
                              "samplingSeconds": int(sampling)}
    return tags


def epoch_ms(iso):
    return int(datetime.datetime.fromisoformat(iso.replace("Z", "+00:00")).timestamp() * 1000)


def read_faults(path):
    faults = []
    with open(path) as f:
        for line in f:
            if line.strip():
                fault = json.loads(line)
                fault["startMs"] = epoch_ms(fault["start"])
                fault["endMs"] = epoch_ms(fault["end"])
                faults.append(fault)
    return faults


def split_furnaces(export, validation_share=0.25):
    """Training and validation furnaces: the last quarter (at least one) validates."""
    n = len(export.furnaces)
    n_val = max(1, int(round(n * validation_share)))
    return export.furnaces[:n - n_val], export.furnaces[n - n_val:]


def active_faults(export, furnace):
    """Per row of `furnace`: (sensor, process) boolean [T] arrays, a fault counted as active over
    [start, end) at the row's instant."""
    sensor = np.zeros(len(furnace.at), dtype=bool)
    process = np.zeros(len(furnace.at), dtype=bool)
    for f in export.faults_of(furnace.furnace):
        on = (furnace.at >= f["startMs"]) & (furnace.at < f["endMs"])
        (sensor if f["tag"] else process)[...] |= on
    return sensor, process


def fault_free(export, furnace, settle_minutes=15):
    """Rows with no fault active and none ended within `settle_minutes` (the 15m windows still
    hold faulted samples), from 15 minutes into the run (complete 15m windows)."""
    free = np.ones(len(furnace.at), dtype=bool)
    free[:15] = False
    for f in export.faults_of(furnace.furnace):
        free &= ~((furnace.at >= f["startMs"]) & (furnace.at < f["endMs"] + settle_minutes * MINUTE_MS))
    return free


def normalisation(matrix, floor=1e-6):
    """Column mean and std (std floored) over finite values, as float64 arrays."""
    mean = np.nanmean(matrix, axis=0)
    std = np.nanstd(matrix, axis=0)
    mean = np.where(np.isfinite(mean), mean, 0.0)
    std = np.where(np.isfinite(std), np.maximum(std, floor), 1.0)
    return mean, std


def reference(matrix, bins=10):
    """Each column's training distribution as population-stability bins, the way Vitrum's
    FeatureBins reads them: edges at the deciles (duplicates merged), a value in bin k when k
    edges are <= it, the missing (NaN) values in one bin after those; fractions are the rows'
    shares of each bin, missing last."""
    edges, fractions = [], []
    for column in matrix.T:
        finite = column[np.isfinite(column)]
        cuts = np.unique(np.quantile(finite, np.arange(1, bins) / bins)) if len(finite) else np.array([0.0])
        counts = np.bincount(np.searchsorted(cuts, finite, side="right"), minlength=len(cuts) + 1)
        shares = np.append(counts, len(column) - len(finite)) / len(column)
        edges.append([float(e) for e in cuts])
        fractions.append([float(f) for f in shares])
    return {"method": f"deciles of the training rows, {bins} bins at most, missing values last",
            "rows": int(matrix.shape[0]), "edges": edges, "fractions": fractions}


def normalise(matrix, mean, std):
    """(x - mean) / std with NaN -> 0, as float32: the contract the Java side applies."""
    z = (matrix - mean) / std
    return np.nan_to_num(z, nan=0.0, posinf=0.0, neginf=0.0).astype(np.float32)
