"""Trains Vitrum's defect-rate forecaster: an LSTM with additive attention over a furnace's last 60
feature rows that gives the 5 %, 50 % and 95 % quantiles of each reject class's rate 15, 30 and 60
minutes ahead. Exports it to ONNX and registers it.

Usage: /usr/bin/python3 models/forecaster/train.py --data TRAIN --heldout HELDOUT, where TRAIN and
HELDOUT are DatasetExport outputs with the arguments in models/forecaster/dataset.args and
heldout.args. The last quarter of TRAIN's furnaces is the validation split (best epoch, interval
calibration); HELDOUT is only evaluated.

The graph takes normalised columns (x - mean) / std, NaN -> 0, with the columns, mean and std of
the card; it undoes the normalisation of the inspection columns itself to add the current rate,
and applies the interval calibration, so its outputs are final rates per 1000 inspected items.
"""

import os

os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
os.environ.setdefault("OMP_WAIT_POLICY", "PASSIVE")

import argparse
import copy
import json
import sys

import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "common"))
sys.path.insert(0, HERE)
from features import CLASSES, Export, normalisation, normalise, reference, split_furnaces  # noqa: E402
from vitrum_models import (Progress, data_hash, export_onnx, log, next_version, register,  # noqa: E402
                           version_dir, write_card)

NAME = "forecaster"
SEED = 101
THREADS = 2
HISTORY = 60
HORIZONS = [15, 30, 60]
QUANTILES = [0.05, 0.5, 0.95]
WARMUP_ROWS = 15  # the first rows of a run have incomplete 15m windows: no history starts there
HIDDEN, LAYERS, DROPOUT = 48, 2, 0.2
TRAIN_STRIDE = 2  # neighbouring minutes are near copies: every other one trains
INPUT_NOISE = 0.05  # std of the Gaussian noise added to the normalised inputs in training
EPOCHS, BATCH, LR, WEIGHT_DECAY = 8, 128, 2e-3, 1e-3
COVERAGE_TARGET = 0.90
FLOORS = {"maeReduction60": {"min": 0.30}, "coverage90": {"min": 0.85, "max": 0.95}}

INSPECTED = "insp.inspected:15m:mean"
REJECTS = [f"insp.reject.{c}:15m:mean" for c in CLASSES]
INSPECTED_5M = "insp.inspected:5m:mean"
REJECTS_5M = [f"insp.reject.{c}:5m:mean" for c in CLASSES]
COLUMNS = (
    [INSPECTED] + REJECTS
    + [INSPECTED_5M] + REJECTS_5M
    # the lehr cools the ware: its anneal zones fall when a fan fails, before cracks show
    + ["lehr.Z2:1m:mean", "lehr.Z2:5m:mean", "lehr.Z3:5m:mean", "lehr.Z2:15m:slope"])


class Forecaster(nn.Module):
    """[B, 60, F] normalised rows -> quantiles [B, 3, 4, 3] (horizon, class, quantile) of the rate
    per 1000 and attention [B, 60].

    The quantiles are learnt as offsets from the current rate in units of its Poisson-like noise
    scale s = sqrt(1 + rateNow) (about 2 on a healthy line, 29 on one rejecting most of its ware),
    so that a quiet line needs only small offsets and a switch between the two stays learnable:
    q = min(rateNow + s * (base + cumsum(softplus(steps))), 1000) per horizon and class
    (non-crossing); each interval side is then stretched about the median by the calibration
    factor of its horizon, and q = max(0, q). rateNow is the current 15-minute rate rebuilt from
    the last row's inspection columns.
    """

    def __init__(self, n_features, norm_mean, norm_std):
        super().__init__()
        self.inp = nn.Linear(n_features + 2 * len(CLASSES), HIDDEN)
        self.lstm = nn.LSTM(HIDDEN, HIDDEN, num_layers=LAYERS, batch_first=True, dropout=DROPOUT)
        self.att_h = nn.Linear(HIDDEN, HIDDEN)
        self.att_q = nn.Linear(HIDDEN, HIDDEN, bias=False)
        self.att_v = nn.Linear(HIDDEN, 1, bias=False)
        self.head = nn.Sequential(nn.Linear(2 * HIDDEN, 2 * HIDDEN), nn.ReLU(),
                                  nn.Linear(2 * HIDDEN, len(HORIZONS) * len(CLASSES) * len(QUANTILES)))
        idx = [COLUMNS.index(c) for c in [INSPECTED] + REJECTS + [INSPECTED_5M] + REJECTS_5M]
        self.register_buffer("rate_mean", torch.tensor(norm_mean[idx], dtype=torch.float32))
        self.register_buffer("rate_std", torch.tensor(norm_std[idx], dtype=torch.float32))
        self.rate_idx = idx
        self.register_buffer("calibration", torch.ones(1, len(HORIZONS), 1, 1))

    def rates(self, x):
        """The 15m and 5m rates per class at every step, rebuilt from the inspection columns:
        [B, 60, 8], 15m then 5m, CLASSES order."""
        raw = x[..., self.rate_idx] * self.rate_std + self.rate_mean  # [B, 60, 10]
        n = len(CLASSES)
        r15 = 1000.0 * torch.clamp(raw[..., 1:1 + n], min=0.0) / torch.clamp(raw[..., :1], min=1.0)
        r5 = 1000.0 * torch.clamp(raw[..., 2 + n:], min=0.0) / torch.clamp(raw[..., 1 + n:2 + n], min=1.0)
        return torch.clamp(torch.cat([r15, r5], dim=-1), max=1000.0)

    def raw_quantiles(self, x, noise=0.0):
        rates = self.rates(x)
        z = x + noise * torch.randn_like(x) if noise > 0 else x
        h, _ = self.lstm(torch.relu(self.inp(torch.cat([z, torch.log(1.0 + rates)], dim=-1))))
        last = h[:, -1]
        energy = self.att_v(torch.tanh(self.att_h(h) + self.att_q(last).unsqueeze(1))).squeeze(-1)
        attention = torch.softmax(energy, dim=1)
        context = (attention.unsqueeze(-1) * h).sum(dim=1)
        raw = self.head(torch.cat([context, last], dim=1)).reshape(
            -1, len(HORIZONS), len(CLASSES), len(QUANTILES))
        steps = torch.cat([raw[..., :1], F.softplus(raw[..., 1:])], dim=-1)
        now = rates[:, -1, :len(CLASSES)].reshape(-1, 1, len(CLASSES), 1)
        noise_scale = torch.sqrt(1.0 + now)
        q = torch.clamp(now + noise_scale * torch.cumsum(steps, dim=-1), max=1000.0)
        return q, noise_scale, attention

    def forward(self, x):
        q, _, attention = self.raw_quantiles(x)
        median = q[..., 1:2]
        low = median - self.calibration * (median - q[..., :1])
        high = median + self.calibration * (q[..., 2:] - median)
        return torch.relu(torch.cat([low, median, high], dim=-1)), attention


def furnace_samples(furnace, mean, std):
    """Normalised rows [T, F], rates [T, 4] and the sample ends t (60 rows of history from
    WARMUP_ROWS on, every horizon's target and the current rate known)."""
    x = normalise(furnace.columns(COLUMNS), mean, std)
    rates = furnace.rates()
    t = np.arange(WARMUP_ROWS + HISTORY - 1, len(rates) - max(HORIZONS))
    ok = np.isfinite(rates[t]).all(axis=1)
    for h in HORIZONS:
        ok &= np.isfinite(rates[t + h]).all(axis=1)
    return x, rates, t[ok]


class Windows:
    """The samples of a set of furnaces: windows [n, 60, F], targets [n, 3, 4], current rates."""

    def __init__(self, furnaces, mean, std, stride=1):
        xs, ys, nows = [], [], []
        for furnace in furnaces:
            x, rates, ends = furnace_samples(furnace, mean, std)
            ends = ends[::stride]
            offsets = np.arange(-HISTORY + 1, 1)
            xs.append(x[ends[:, None] + offsets[None, :]])
            ys.append(np.stack([rates[ends + h] for h in HORIZONS], axis=1))
            nows.append(rates[ends])
        self.x = torch.from_numpy(np.concatenate(xs))
        self.y = torch.from_numpy(np.concatenate(ys).astype(np.float32))
        self.now = np.concatenate(nows)

    def __len__(self):
        return len(self.y)


def pinball(q, noise_scale, y):
    """Mean pinball loss of quantiles q [B, 3, 4, 3] for targets y [B, 3, 4], in units of the
    current rate's noise scale [B, 1, 4, 1]."""
    taus = torch.tensor(QUANTILES).reshape(1, 1, 1, -1)
    err = (y.unsqueeze(-1) - q) / noise_scale
    return torch.maximum(taus * err, (taus - 1) * err).mean()


def predict(model, x, batch=1024):
    model.eval()
    qs, atts = [], []
    with torch.no_grad():
        for i in range(0, len(x), batch):
            q, a = model(x[i:i + batch])
            qs.append(q)
            atts.append(a)
    return torch.cat(qs).numpy(), torch.cat(atts).numpy()


def calibrate(q, y):
    """Per horizon, the factor on both interval sides about the median that makes COVERAGE_TARGET
    of the validation targets fall inside (split-conformal on the stretch needed per target)."""
    median = q[..., 1]
    below = (median - y) / np.maximum(median - q[..., 0], 1e-9)
    above = (y - median) / np.maximum(q[..., 2] - median, 1e-9)
    needed = np.maximum(np.maximum(below, above), 0.0)  # [n, 3, 4]
    return [float(np.quantile(needed[:, h].ravel(), COVERAGE_TARGET, method="higher"))
            for h in range(len(HORIZONS))]


def metrics(q, y, now):
    """Held-out figures: MAE of the summed medians, persistence, per class, coverage."""
    out = {}
    total_true = y.sum(axis=2)  # [n, 3]
    total_med = q[..., 1].sum(axis=2)
    total_now = now.sum(axis=1)
    for hi, h in enumerate(HORIZONS):
        mae = float(np.mean(np.abs(total_med[:, hi] - total_true[:, hi])))
        persistence = float(np.mean(np.abs(total_now - total_true[:, hi])))
        out[f"maeTotal{h}"] = round(mae, 4)
        out[f"persistenceMae{h}"] = round(persistence, 4)
        out[f"maeReduction{h}"] = round(1 - mae / persistence, 4)
    inside = (y >= q[..., 0]) & (y <= q[..., 2])
    out["coverage90"] = round(float(inside.mean()), 4)
    out["coverage90ByHorizon"] = {f"{h}m": round(float(inside[:, hi].mean()), 4)
                                  for hi, h in enumerate(HORIZONS)}
    out["maeByHorizonAndClass"] = {
        f"{h}m": {c: round(float(np.mean(np.abs(q[:, hi, ci, 1] - y[:, hi, ci]))), 4)
                  for ci, c in enumerate(CLASSES)} for hi, h in enumerate(HORIZONS)}
    out["persistenceMaeByHorizonAndClass"] = {
        f"{h}m": {c: round(float(np.mean(np.abs(now[:, ci] - y[:, hi, ci]))), 4)
                  for ci, c in enumerate(CLASSES)} for hi, h in enumerate(HORIZONS)}
    out["meanIntervalWidth60"] = round(float(np.mean(q[:, 2, :, 2] - q[:, 2, :, 0])), 4)
    out["samples"] = int(len(y))
    return out


def train(train_set, val_set, mean, std, epochs):
    model = Forecaster(len(COLUMNS), mean, std)
    opt = torch.optim.AdamW(model.parameters(), lr=LR, weight_decay=WEIGHT_DECAY)
    steps = epochs * ((len(train_set) + BATCH - 1) // BATCH)
    sched = torch.optim.lr_scheduler.OneCycleLR(opt, max_lr=LR, total_steps=steps, pct_start=0.15)
    progress = Progress(NAME, epochs)
    rng = np.random.default_rng(SEED)
    best, best_loss, best_epoch = None, float("inf"), 0
    for epoch in range(1, epochs + 1):
        model.train()
        order = torch.from_numpy(rng.permutation(len(train_set)))
        total = 0.0
        for i in range(0, len(order), BATCH):
            idx = order[i:i + BATCH]
            x = train_set.x[idx]
            q, noise_scale, _ = model.raw_quantiles(x, noise=INPUT_NOISE)
            loss = pinball(q, noise_scale, train_set.y[idx])
            opt.zero_grad()
            loss.backward()
            nn.utils.clip_grad_norm_(model.parameters(), 1.0)
            opt.step()
            sched.step()
            total += loss.item() * len(idx)
        q_val, _ = predict(model, val_set.x)
        with torch.no_grad():
            model.eval()
            val_loss = float(np.mean([pinball(*model.raw_quantiles(val_set.x[i:i + 1024])[:2],
                                              val_set.y[i:i + 1024]).item()
                                      for i in range(0, len(val_set), 1024)]))
        val_mae = float(np.mean(np.abs(q_val[:, 2, :, 1].sum(1) - val_set.y[:, 2].numpy().sum(1))))
        progress.epoch(epoch, total / len(train_set), val_pinball=val_loss, val_mae60=val_mae)
        if val_loss < best_loss:
            best, best_loss, best_epoch = copy.deepcopy(model.state_dict()), val_loss, epoch
    model.load_state_dict(best)
    return model, best_epoch, progress.seconds()



def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--data", required=True, help="training DatasetExport directory")
    parser.add_argument("--heldout", required=True, help="held-out DatasetExport directory")
    parser.add_argument("--epochs", type=int, default=EPOCHS)
    parser.add_argument("--dry-run", action="store_true",
                        help="train and evaluate only: no files under models/, no registration")
    args = parser.parse_args()
    torch.manual_seed(SEED)
    np.random.seed(SEED)
    torch.set_num_threads(THREADS)

    data, heldout = Export(args.data), Export(args.heldout)
    train_furnaces, val_furnaces = split_furnaces(data)
    rows = np.concatenate([f.columns(COLUMNS)[WARMUP_ROWS:] for f in train_furnaces])
    mean, std = normalisation(rows)
    train_set = Windows(train_furnaces, mean, std, stride=TRAIN_STRIDE)
    val_set = Windows(val_furnaces, mean, std)
    held_set = Windows(heldout.furnaces, mean, std)
    log(NAME, f"samples: train {len(train_set)}, validation {len(val_set)}, held-out {len(held_set)}; "
              f"{len(COLUMNS)} columns")

    model, best_epoch, seconds = train(train_set, val_set, mean, std, args.epochs)
    q_val, _ = predict(model, val_set.x)
    raw_val_cov = float(((val_set.y.numpy() >= q_val[..., 0]) & (val_set.y.numpy() <= q_val[..., 2])).mean())
    factors = calibrate(q_val, val_set.y.numpy())
    model.calibration.copy_(torch.tensor(factors).reshape(1, -1, 1, 1))
    q_val_cal, _ = predict(model, val_set.x)
    cal_val_cov = float(((val_set.y.numpy() >= q_val_cal[..., 0]) & (val_set.y.numpy() <= q_val_cal[..., 2])).mean())
    log(NAME, f"validation coverage raw {raw_val_cov:.3f}, calibration factors {factors} -> {cal_val_cov:.3f}")

    q_held, att_held = predict(model, held_set.x)
    held = metrics(q_held, held_set.y.numpy(), held_set.now)
    log(NAME, f"held-out: maeTotal60 {held['maeTotal60']} persistence {held['persistenceMae60']} "
              f"reduction {held['maeReduction60']} coverage90 {held['coverage90']}")

    if args.dry_run:
        log(NAME, json.dumps(held))
        return
    version = next_version(NAME)
    out = version_dir(NAME, version)
    example = held_set.x[:2]
    export_onnx(model, (example,), os.path.join(out, "model.onnx"), ["features"], ["quantiles", "attention"])
    torch.save({"state": model.state_dict(), "n_features": len(COLUMNS), "mean": mean,
                "std": std}, os.path.join(out, "weights.pt"))
    n_params = sum(p.numel() for p in model.parameters())
    card = {
        "name": NAME,
        "version": version,
        "task": "Forecast each reject class's rate (rejects per 1000 inspected items over the 15 "
                "minutes ending at t+h) 15, 30 and 60 minutes ahead, as the 5 %, 50 % and 95 % "
                "quantiles, from the furnace's last 60 feature rows.",
        "architecture": {
            "kind": "LSTM with additive attention, quantile head",
            "layers": f"per step [normalised columns, log(1 + rate) of the 4 classes over 15m and "
                      f"5m rebuilt from the insp.* columns] -> Linear({len(COLUMNS) + 8}->{HIDDEN}) + ReLU; LSTM({HIDDEN}, {LAYERS} layers, "
                      f"dropout {DROPOUT}); additive attention over the 60 steps queried by the last "
                      f"step; MLP({2 * HIDDEN}->{2 * HIDDEN}->36) on [context, last step]",
            "quantiles": "q = min(rateNow + sqrt(1 + rateNow) * (base + cumsum(softplus(steps))), "
                         "1000) per horizon and class (non-crossing), interval sides stretched "
                         "about the median by the calibration factor of the horizon, then max(0, q)",
            "parameters": int(n_params),
        },
        "inputs": [{
            "name": "features",
            "type": "float32",
            "shape": ["batch", HISTORY, len(COLUMNS)],
            "description": "The furnace's feature rows at minutes t-59 ... t, oldest first (one row "
                           "per minute, features/<furnace>.csv layout, names without the furnace "
                           "prefix), each column normalised x_norm = (x - mean) / std, NaN -> 0 "
                           "after normalisation. A furnace needs 60 rows of history, starting at "
                           "least 15 minutes after its feature stream started.",
            "columns": COLUMNS,
            "mean": [float(v) for v in mean],
            "std": [float(v) for v in std],
            "stdFloor": 1e-6,
            "reference": reference(rows),
        }],
        "outputs": [
            {"name": "quantiles", "type": "float32", "shape": ["batch", 3, 4, 3],
             "description": "Quantiles of rate_c(t+h) = 1000 * insp.reject.<c>:15m:mean(t+h) / "
                            "insp.inspected:15m:mean(t+h), rejects per 1000 inspected items; final "
                            "values, non-crossing and >= 0, calibration already applied in the graph.",
             "axes": ["batch", "horizon", "class", "quantile"],
             "horizonsMinutes": HORIZONS, "classes": CLASSES, "quantiles": QUANTILES},
            {"name": "attention", "type": "float32", "shape": ["batch", HISTORY],
             "description": "Attention weights over the 60 input steps (oldest first), summing to 1."},
        ],
        "postProcessing": "none: the calibration below is part of the graph",
        "calibration": {
            "method": "split-conformal stretch of both interval sides about the median, one factor "
                      "per horizon, to 90 % coverage of the validation targets (all classes)",
            "factorsByHorizon": {f"{h}m": round(f, 4) for h, f in zip(HORIZONS, factors)},
            "validationCoverageRaw": round(raw_val_cov, 4),
            "validationCoverageCalibrated": round(cal_val_cov, 4),
        },
        "training": {
            "seed": SEED,
            "dataset": {
                "train": {"args": data.args(), "furnaces": [f.furnace for f in train_furnaces],
                          "samples": len(train_set), "stride": TRAIN_STRIDE},
                "validation": {"args": data.args(), "furnaces": [f.furnace for f in val_furnaces],
                               "samples": len(val_set)},
                "heldOut": {"args": heldout.args(), "furnaces": [f.furnace for f in heldout.furnaces],
                            "samples": len(held_set)},
                "sampleRule": f"every minute t with 60 rows of history starting at row "
                              f">= {WARMUP_ROWS}, and the current rate and every target known",
            },
            "dataHash": {"train": data_hash(data.root, data.files),
                         "heldOut": data_hash(heldout.root, heldout.files)},
            "loss": "pinball over the 3 quantiles, each class's error divided by sqrt(1 + rateNow)",
            "inputNoise": f"Gaussian, std {INPUT_NOISE}, on the normalised inputs",
            "epochs": args.epochs,
            "bestEpoch": best_epoch,
            "batch": BATCH,
            "optimizer": f"AdamW lr {LR} one-cycle, weight decay {WEIGHT_DECAY}",
            "wallSeconds": seconds,
            "torch": torch.__version__,
        },
        "metrics": {"heldOut": held},
        "floors": FLOORS,
        "limitations": LIMITATIONS,
        "files": {"weights": "weights.pt (PyTorch state, read by the ensemble's training)"},
    }
    card = write_card(out, card)
    register(NAME, version, card)
    log(NAME, f"floors met: {card['floorsMet']}")


LIMITATIONS = [
    "Trained and evaluated on simulator data only (PlantSimulator with random fault schedules); "
    "real plants need retraining on their own history.",
    "Fault onsets and repairs are random in the simulator and cannot be foreseen: the gain over "
    "persistence comes from lehr fan failures already under way (lehr.Z2/Z3 fall before the "
    "15-minute reject windows catch up) and from smoothing the Poisson noise of the rates. "
    "maeReduction60 stays well below the 0.30 floor.",
    "Inputs are the inspection counters and the lehr anneal zones only: process columns (gob, "
    "throat, fining viscosity, energy, cullet, pull) were tried and made the model predict crack "
    "surges on healthy lines it had not seen, so bubble, stone and chip forecasts barely beat "
    "persistence.",
    "A faulted lehr.Z2/lehr.Z3 sensor (drift, stuck value, spikes) can make it predict a crack "
    "surge that does not come; the GNN watches sensors.",
    "The total rate is bimodal in this data (a lehr fan failure drives cracks to ~85 % of items): "
    "MAE is dominated by those switches, and intervals are wide around them.",
    "Calibration factors come from the validation furnaces of the training run; coverage on "
    "other plants or fault mixes will differ.",
]

if __name__ == "__main__":
    main()
