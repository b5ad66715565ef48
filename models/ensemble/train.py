"""Trains Vitrum's defect-risk ensemble: a small MLP over the forecaster's and the GNN's outputs and
the current rate that predicts the total reject rate 60 minutes ahead. Exports it to ONNX and
registers it.

Usage: /usr/bin/python3 models/ensemble/train.py --data TRAIN --heldout HELDOUT, the same exports
as the forecaster and the GNN, after both are registered (it reads their prod versions' weights.pt).
It is fitted on the validation furnaces of TRAIN (no member fitted its weights on them) and
evaluated on HELDOUT.
"""

import os

os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
os.environ.setdefault("OMP_WAIT_POLICY", "PASSIVE")

import argparse
import importlib.util
import json
import sys

import numpy as np
import torch
import torch.nn as nn

HERE = os.path.dirname(os.path.abspath(__file__))
MODELS = os.path.dirname(HERE)
sys.path.insert(0, os.path.join(MODELS, "common"))
sys.path.insert(0, os.path.join(MODELS, "forecaster"))
from features import CLASSES, Export, fault_free, normalise, split_furnaces  # noqa: E402
from vitrum_models import (Progress, data_hash, export_onnx, log, next_version, read_index,  # noqa: E402
                           register, version_dir, write_card)

NAME = "ensemble"
SEED = 303
THREADS = 2
HIDDEN = 16
EPOCHS, BATCH, LR, WEIGHT_DECAY = 60, 256, 3e-3, 1e-3
FLOORS = {"maeVsBestMember": {"max": 1.0}}
MEMBERS = [
    ("forecasterMedianTotal60", "forecaster quantiles[:, 2, c, 1] summed over the 4 classes: the "
                                "median total rate per 1000 at t+60"),
    ("forecasterMedianTotal30", "forecaster quantiles[:, 1, c, 1] summed over the classes (t+30)"),
    ("forecasterIntervalTotal60", "forecaster sum over the classes of quantiles[:, 2, c, 2] - "
                                  "quantiles[:, 2, c, 0] (the 90 % interval widths at t+60)"),
    ("rateNow", "current total rate: sum over the classes of 1000 * insp.reject.<c>:15m:mean(t) / "
                "insp.inspected:15m:mean(t), from the feature row at t"),
    ("gnnMaxScore", "GNN: max over the nodes of scores for the feature row at t"),
    ("gnnProcessFault", "GNN: processFault for the feature row at t"),
]


def load(name, module_name):
    """The prod version's weights and the training module of member `name`."""
    index = read_index()
    key = index["aliases"].get(f"{name}@prod")
    if key is None:
        raise SystemExit(f"{name}@prod is not registered: train {name} first")
    spec = importlib.util.spec_from_file_location(module_name, os.path.join(MODELS, name, "train.py"))
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    weights = torch.load(os.path.join(MODELS, key, "weights.pt"))
    card_path = os.path.join(MODELS, index["versions"][key]["card"])
    with open(card_path) as f:
        card = json.load(f)
    return module, weights, key, card


class Members:
    """Member values [n, M] and targets (total rate at t+60) for a set of furnaces: the
    forecaster's samples (60 rows of history, targets known)."""

    def __init__(self, furnaces, fc, fc_model, fc_weights, gnn, gnn_model, gnn_weights):
        values, targets, now = [], [], []
        for furnace in furnaces:
            x, rates, ends = fc.furnace_samples(furnace, fc_weights["mean"], fc_weights["std"])
            windows = torch.from_numpy(x[ends[:, None] + np.arange(-fc.HISTORY + 1, 1)[None, :]])
            q, _ = fc.predict(fc_model, windows)
            nodes = torch.from_numpy(normalise(gnn.node_tensor(furnace)[ends], gnn_weights["mean"],
                                               gnn_weights["std"]))
            scores, process = gnn.predict(gnn_model, nodes)
            values.append(np.stack([q[:, 2, :, 1].sum(1), q[:, 1, :, 1].sum(1),
                                    (q[:, 2, :, 2] - q[:, 2, :, 0]).sum(1), rates[ends].sum(1),
                                    scores.max(1), process], axis=1))
            targets.append(rates[ends + 60].sum(1))
            now.append(rates[ends].sum(1))
        self.values = np.concatenate(values)
        self.target = np.concatenate(targets).astype(np.float32)
        self.now = np.concatenate(now)


class Ensemble(nn.Module):
    """members [B, M] normalised -> risk [B, 1]: the forecaster's median total at t+60 (member 0,
    un-normalised in the graph) plus an MLP's correction, scaled to rates per 1000."""

    def __init__(self, n_members, mean0, std0, scale):
        super().__init__()
        self.mlp = nn.Sequential(nn.Linear(n_members, HIDDEN), nn.Tanh(), nn.Linear(HIDDEN, 1))
        nn.init.zeros_(self.mlp[2].weight)
        nn.init.zeros_(self.mlp[2].bias)
        self.register_buffer("mean0", torch.tensor(float(mean0)))
        self.register_buffer("std0", torch.tensor(float(std0)))
        self.register_buffer("scale", torch.tensor(float(scale)))

    def forward(self, members):
        base = members[:, :1] * self.std0 + self.mean0
        return torch.relu(base + self.scale * self.mlp(members))


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

    fc, fc_weights, fc_key, fc_card = load("forecaster", "forecaster_train")
    gnn, gnn_weights, gnn_key, gnn_card = load("gnn", "gnn_train")
    fc_model = fc.Forecaster(fc_weights["n_features"], fc_weights["mean"], fc_weights["std"])
    fc_model.load_state_dict(fc_weights["state"])
    gnn_model = gnn.SensorGraph(len(gnn.NODES), len(gnn.NODE_FEATURES))
    gnn_model.load_state_dict(gnn_weights["state"])

    data, heldout = Export(args.data), Export(args.heldout)
    _, fit_furnaces = split_furnaces(data)
    fit = Members(fit_furnaces, fc, fc_model, fc_weights, gnn, gnn_model, gnn_weights)
    held = Members(heldout.furnaces, fc, fc_model, fc_weights, gnn, gnn_model, gnn_weights)
    log(NAME, f"samples: fit {len(fit.target)} (validation furnaces of the training run), "
              f"held-out {len(held.target)}")

    mean = fit.values.mean(axis=0)
    std = np.maximum(fit.values.std(axis=0), 1e-6)
    scale = float(np.std(fit.target))
    x_fit = torch.from_numpy(normalise(fit.values, mean, std))
    y_fit = torch.from_numpy(fit.target).unsqueeze(1)
    model = Ensemble(len(MEMBERS), mean[0], std[0], scale)
    opt = torch.optim.AdamW(model.parameters(), lr=LR, weight_decay=WEIGHT_DECAY)
    progress = Progress(NAME, args.epochs)
    rng = np.random.default_rng(SEED)
    for epoch in range(1, args.epochs + 1):
        model.train()
        order = torch.from_numpy(rng.permutation(len(y_fit)))
        total = 0.0
        for i in range(0, len(order), BATCH):
            idx = order[i:i + BATCH]
            loss = torch.abs(model(x_fit[idx]) - y_fit[idx]).mean()
            opt.zero_grad()
            loss.backward()
            opt.step()
            total += loss.item() * len(idx)
        if epoch % 10 == 0 or epoch == args.epochs:
            progress.epoch(epoch, total / len(y_fit))
    seconds = progress.seconds()

    model.eval()
    with torch.no_grad():
        risk = model(torch.from_numpy(normalise(held.values, mean, std))).numpy()[:, 0]
    mae = float(np.mean(np.abs(risk - held.target)))
    member_mae = {"forecasterMedianTotal60": float(np.mean(np.abs(held.values[:, 0] - held.target))),
                  "persistence": float(np.mean(np.abs(held.now - held.target)))}
    best_member = min(member_mae, key=member_mae.get)
    free = np.concatenate([fault_free(heldout, f) for f in heldout.furnaces])
    free_rates = np.concatenate([f.rates().sum(1) for f in heldout.furnaces])[free]
    alert = float(np.nanpercentile(free_rates, 95))
    metrics = {
        "maeTotal60": round(mae, 4),
        "bestMemberMae60": round(member_mae[best_member], 4),
        "bestMember": best_member,
        "maeVsBestMember": round(mae / member_mae[best_member], 4),
        "memberMae60": {k: round(v, 4) for k, v in member_mae.items()},
        "samples": int(len(held.target)),
        "faultFreeTotalRateP95": round(alert, 4),
    }
    log(NAME, "held-out: " + json.dumps(metrics))
    if args.dry_run:
        return

    version = next_version(NAME)
    out = version_dir(NAME, version)
    export_onnx(model, (torch.from_numpy(normalise(held.values[:2], mean, std)),),
                os.path.join(out, "model.onnx"), ["members"], ["risk"])
    card = {
        "name": NAME,
        "version": version,
        "task": "Predict a furnace's total reject rate (all classes, per 1000 inspected items over "
                "the 15 minutes ending at t+60) from the forecaster's and the GNN's outputs at t and "
                "the current rate.",
        "architecture": {
            "kind": "meta-learner: small MLP with the forecaster's median as base",
            "layers": f"risk = max(0, forecasterMedianTotal60 + {scale:.4f} * MLP(members)); "
                      f"MLP({len(MEMBERS)}->{HIDDEN}, tanh, ->1), its last layer started at zero",
            "parameters": int(sum(p.numel() for p in model.parameters())),
        },
        "members": {"forecaster": fc_key, "gnn": gnn_key,
                    "forecasterSha256": fc_card["sha256"], "gnnSha256": gnn_card["sha256"]},
        "inputs": [{
            "name": "members",
            "type": "float32",
            "shape": ["batch", len(MEMBERS)],
            "description": "The members' values for one furnace at minute t, in the order of "
                           "columns, each normalised x_norm = (x - mean) / std, NaN -> 0. The "
                           "forecaster runs on the rows t-59 ... t, the GNN on the row at t.",
            "columns": [m for m, _ in MEMBERS],
            "definitions": {m: d for m, d in MEMBERS},
            "mean": [float(v) for v in mean],
            "std": [float(v) for v in std],
            "stdFloor": 1e-6,
        }],
        "outputs": [{"name": "risk", "type": "float32", "shape": ["batch", 1],
                     "description": "Predicted total reject rate per 1000 inspected items at t+60 "
                                    "(sum over crack, bubble, stone, chip), >= 0.",
                     "labels": ["totalRate60"]}],
        "postProcessing": "none",
        "alertThreshold": round(alert, 2),
        "alertThresholdRule": "95th percentile of the total rate over the fault-free rows of the "
                              "held-out run (no fault active, none ended within 15 minutes): a "
                              "risk above it is more than a healthy line shows",
        "training": {
            "seed": SEED,
            "dataset": {
                "fit": {"args": data.args(), "furnaces": [f.furnace for f in fit_furnaces],
                        "samples": int(len(fit.target)),
                        "note": "the validation furnaces of the members' training run: neither "
                                "member fitted its weights on them (they chose the members' kept "
                                "epochs and the forecaster's interval calibration)"},
                "heldOut": {"args": heldout.args(), "furnaces": [f.furnace for f in heldout.furnaces],
                            "samples": int(len(held.target))},
            },
            "dataHash": {"train": data_hash(data.root, data.files),
                         "heldOut": data_hash(heldout.root, heldout.files)},
            "loss": "mean absolute error",
            "epochs": args.epochs,
            "batch": BATCH,
            "optimizer": f"AdamW lr {LR}, weight decay {WEIGHT_DECAY}",
            "wallSeconds": seconds,
            "torch": torch.__version__,
        },
        "metrics": {"heldOut": metrics},
        "floors": FLOORS,
        "limitations": [
            "Fitted on the six validation furnaces of one simulated run: few fault episodes, so "
            "the correction it learns over the forecaster is small and may not carry to other "
            "fault mixes.",
            "Its members must be the versions named under members: a retrained forecaster or GNN "
            "needs a retrained ensemble.",
            "Simulator data only; the alert threshold reflects the simulator's healthy lines.",
        ],
    }
    card = write_card(out, card)
    register(NAME, version, card)
    log(NAME, f"floors met: {card['floorsMet']}")


if __name__ == "__main__":
    main()
