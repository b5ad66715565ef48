"""Writes the linear test models the engine's tests load: y = x·w + b over 4 inputs, as ONNX
files with cards and an index, under models/testing/fixtures/. Their outputs (and their SHAP
values, w_i·(x_i − baseline_i)) are known in closed form. Run: /usr/bin/python3 models/testing/linear.py
"""

import hashlib
import json
import os

import numpy as np
import onnx
from onnx import TensorProto, helper, numpy_helper

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "fixtures")
VERSIONS = {"1": ([1.0, 2.0, 3.0, 4.0], 0.5), "2": ([-1.0, 0.5, 2.0, 0.0], 1.0)}


def model(weights, bias):
    w = numpy_helper.from_array(np.array(weights, dtype=np.float32).reshape(4, 1), "w")
    b = numpy_helper.from_array(np.array([bias], dtype=np.float32), "b")
    graph = helper.make_graph(
        [helper.make_node("Gemm", ["x", "w", "b"], ["y"])],
        "linear",
        [helper.make_tensor_value_info("x", TensorProto.FLOAT, ["batch", 4])],
        [helper.make_tensor_value_info("y", TensorProto.FLOAT, ["batch", 1])],
        initializer=[w, b])
    m = helper.make_model(graph, opset_imports=[helper.make_opsetid("", 17)],
                          producer_name="vitrum-tests")
    m.ir_version = 8
    onnx.checker.check_model(m, full_check=True)
    return m


def main():
    index = {"aliases": {"linear@prod": "linear/1"}, "versions": {}}
    for version, (weights, bias) in VERSIONS.items():
        directory = os.path.join(OUT, "linear", version)
        os.makedirs(directory, exist_ok=True)
        path = os.path.join(directory, "model.onnx")
        onnx.save(model(weights, bias), path)
        sha = hashlib.sha256(open(path, "rb").read()).hexdigest()
        card = {
            "name": "linear", "version": version,
            "task": "test model: y = x·w + b", "sha256": sha, "file": "model.onnx",
            "inputs": [{"name": "x", "type": "float32", "shape": ["batch", 4],
                        "columns": ["a", "b", "c", "d"]}],
            "outputs": [{"name": "y", "type": "float32", "shape": ["batch", 1]}],
            "weights": weights, "bias": bias,
            "metrics": {"heldOut": {"rejectF1": 0.99}}, "floors": {}, "floorsMet": True,
        }
        with open(os.path.join(directory, "card.json"), "w") as f:
            json.dump(card, f, indent=2)
            f.write("\n")
        index["versions"][f"linear/{version}"] = {
            "file": f"linear/{version}/model.onnx", "card": f"linear/{version}/card.json",
            "sha256": sha}
    with open(os.path.join(OUT, "index.json"), "w") as f:
        json.dump(index, f, indent=2)
        f.write("\n")


if __name__ == "__main__":
    main()
