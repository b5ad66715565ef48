"""Shared pieces of Vitrum's training scripts: progress lines, dataset hashing, ONNX export with
a dynamic batch axis, model cards and the alias index (models/index.json).

Layout: models/<name>/<version>/model.onnx and card.json; index.json maps "<name>@<alias>" to
"<name>/<version>" and lists every version with its file, card and sha256. Versions are
immutable: a retrain writes the next version and moves the alias.
"""

import fcntl
import hashlib
import json
import os
import sys
import time

import torch

MODELS_ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
INDEX = os.path.join(MODELS_ROOT, "index.json")
OPSET = 17


class Progress:
    """Prints one line per epoch: loss, extra figures, elapsed time and ETA."""

    def __init__(self, name, epochs):
        self.name = name
        self.epochs = epochs
        self.started = time.monotonic()

    def epoch(self, done, loss, **figures):
        elapsed = time.monotonic() - self.started
        eta = elapsed / done * (self.epochs - done)
        extra = " ".join(f"{k} {v:.4f}" for k, v in figures.items())
        print(f"[{self.name}] epoch {done}/{self.epochs} loss {loss:.4f} {extra} "
              f"elapsed {elapsed:.0f}s ETA {eta:.0f}s", flush=True)

    def seconds(self):
        return round(time.monotonic() - self.started, 1)


def log(name, message):
    print(f"[{name}] {message}", flush=True)


def sha256_file(path):
    digest = hashlib.sha256()
    with open(path, "rb") as f:
        for chunk in iter(lambda: f.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def data_hash(root, files):
    """sha256 over the named dataset files (paths relative to root), in the given order."""
    digest = hashlib.sha256()
    for rel in files:
        digest.update(rel.encode())
        with open(os.path.join(root, rel), "rb") as f:
            for chunk in iter(lambda: f.read(1 << 20), b""):
                digest.update(chunk)
    return "sha256:" + digest.hexdigest()


def next_version(name):
    index = read_index()
    taken = [int(v.split("/")[1]) for v in index["versions"] if v.split("/")[0] == name]
    return str(max(taken, default=0) + 1)


def version_dir(name, version):
    path = os.path.join(MODELS_ROOT, name, version)
    os.makedirs(path, exist_ok=True)
    return path


def export_onnx(model, example_inputs, path, input_names, output_names):
    """Exports with opset 17 and a symbolic batch axis on every input and output, then checks it."""
    import onnx

    model.eval()
    axes = {n: {0: "batch"} for n in list(input_names) + list(output_names)}
    torch.onnx.export(model, example_inputs, path, opset_version=OPSET, do_constant_folding=True,
                      input_names=list(input_names), output_names=list(output_names),
                      dynamic_axes=axes)
    onnx.checker.check_model(onnx.load(path), full_check=True)
    return path


def write_card(directory, card):
    """Writes card.json beside model.onnx, with the file's sha256; returns the card."""
    card = dict(card)
    card["file"] = "model.onnx"
    card["sha256"] = sha256_file(os.path.join(directory, "model.onnx"))
    card["floorsMet"] = all(floor_met(card["metrics"]["heldOut"][k], f)
                            for k, f in card.get("floors", {}).items())
    with open(os.path.join(directory, "card.json"), "w") as f:
        json.dump(card, f, indent=2, sort_keys=False)
        f.write("\n")
    return card


def floor_met(value, floor):
    if "min" in floor and value < floor["min"]:
        return False
    if "max" in floor and value > floor["max"]:
        return False
    return True


def read_index():
    if not os.path.exists(INDEX):
        return {"aliases": {}, "versions": {}}
    with open(INDEX) as f:
        return json.load(f)


def register(name, version, card, alias="prod"):
    """Adds the version to index.json and points <name>@<alias> at it (under a file lock)."""
    with open(INDEX + ".lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        index = read_index()
        key = f"{name}/{version}"
        index["versions"][key] = {"file": f"{key}/model.onnx", "card": f"{key}/card.json",
                                  "sha256": card["sha256"]}
        index["aliases"][f"{name}@{alias}"] = key
        index["aliases"] = dict(sorted(index["aliases"].items()))
        index["versions"] = dict(sorted(index["versions"].items()))
        with open(INDEX, "w") as f:
            json.dump(index, f, indent=2)
            f.write("\n")
    os.remove(INDEX + ".lock")
    log(name, f"registered {key} as {name}@{alias} (sha256 {card['sha256'][:12]}…)")


def fail(name, message):
    print(f"[{name}] {message}", file=sys.stderr, flush=True)
    sys.exit(1)
