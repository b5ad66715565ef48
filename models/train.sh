#!/usr/bin/env bash
# Trains Vitrum's models and registers them in models/index.json.
#
#   models/train.sh [NAME...]     NAME: vision, forecaster, gnn, ensemble (default: all present)
#
# For each model it exports the dataset its models/<name>/dataset.args asks for (one line of
# DatasetExport arguments without --out) into models/.data/<name>-<seed>/, and the one of
# heldout.args, when present, into models/.data/<name>-heldout-<seed>/, reusing an earlier export
# made with the same arguments; then it runs models/<name>/train.py --data <dir> [--heldout <dir>].
#
# Environment:
#   VITRUM_EXPORT_CLASSPATH  classpath holding io.vitrum.loadtests.sim.DatasetExport; when set,
#                            the exporter is not built (default: mvn package of load-tests here)
#   VITRUM_PYTHON            interpreter with torch and onnx (default: /usr/bin/python3)
set -euo pipefail

MODELS_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(dirname "$MODELS_DIR")"
PYTHON="${VITRUM_PYTHON:-/usr/bin/python3}"
DEFAULT_ORDER=(vision forecaster gnn ensemble)
export OPENBLAS_NUM_THREADS=1 OMP_WAIT_POLICY=PASSIVE

say() { echo "[train.sh] $*"; }

# Installs Debian's torch, onnx and OpenBLAS (torch is slow on the reference BLAS) when missing.
ensure_python_packages() {
  if "$PYTHON" -c 'import torch, onnx' 2>/dev/null \
      && dpkg-query -W -f='${Status}' libopenblas0-pthread 2>/dev/null \
      | grep -q 'ok installed'; then
    return
  fi
  local sudo=""
  [ "$(id -u)" -eq 0 ] || sudo=sudo
  say "installing python3-torch python3-onnx libopenblas0-pthread with apt"
  $sudo apt-get update -qq
  $sudo apt-get install -y -qq --no-install-recommends \
    python3-torch python3-onnx libopenblas0-pthread
}

# Sets EXPORT_CLASSPATH, building load-tests the first time an export needs it.
EXPORT_CLASSPATH="${VITRUM_EXPORT_CLASSPATH:-}"
ensure_exporter() {
  if [ -z "$EXPORT_CLASSPATH" ]; then
    say "building the dataset exporter (mvn package -pl load-tests -am)"
    (cd "$ROOT" && mvn -B -q -Dstyle.color=never -DskipTests -pl load-tests -am package)
    local target="$ROOT/load-tests/target"
    EXPORT_CLASSPATH="$target/classes:$(cat "$target/runtime.classpath")"
  fi
}

# The models to train: the arguments, or every models/*/train.py (known ones first).
model_names() {
  if [ "$#" -gt 0 ]; then
    printf '%s\n' "$@"
    return
  fi
  local name
  for name in "${DEFAULT_ORDER[@]}"; do
    [ -f "$MODELS_DIR/$name/train.py" ] && echo "$name"
  done
  for name in $(cd "$MODELS_DIR" && ls -d */ | tr -d /); do
    if [ -f "$MODELS_DIR/$name/train.py" ] && [[ " ${DEFAULT_ORDER[*]} " != *" $name "* ]]; then
      echo "$name"
    fi
  done
  return 0
}

# Exports the dataset that args file $1 describes into directory $2, unless the same export is
# already there (manifest.json is written last; the args file is kept beside it).
prepare_dataset() {
  local args_file="$1" dir="$2" args
  args="$(tr '\n' ' ' < "$args_file")"
  if [ -f "$dir/manifest.json" ] && cmp -s "$dir/export.args" "$args_file"; then
    say "reusing the dataset in ${dir#"$ROOT"/}"
    return
  fi
  ensure_exporter
  rm -rf "$dir"
  mkdir -p "$dir"
  say "exporting: DatasetExport $args--out ${dir#"$ROOT"/}"
  # shellcheck disable=SC2086  # the arguments are meant to split
  java -cp "$EXPORT_CLASSPATH" io.vitrum.loadtests.sim.DatasetExport $args --out "$dir"
  cp "$args_file" "$dir/export.args"
}

# models/.data/<prefix>-<seed> for args file $1 (the seed defaults to DatasetExport's 1).
dataset_dir() {
  local args_file="$1" prefix="$2" seed
  seed="$(sed -n 's/.*--seed[ =]\([0-9-]*\).*/\1/p' "$args_file" | head -n 1)"
  echo "$MODELS_DIR/.data/$prefix-${seed:-1}"
}

# Exports the datasets of model $1, then runs its train.py on them.
train_model() {
  local name="$1" arguments=() dir
  [ -f "$MODELS_DIR/$name/train.py" ] || { say "no such model: models/$name/train.py"; exit 1; }
  if [ -f "$MODELS_DIR/$name/dataset.args" ]; then
    dir="$(dataset_dir "$MODELS_DIR/$name/dataset.args" "$name")"
    prepare_dataset "$MODELS_DIR/$name/dataset.args" "$dir"
    arguments+=(--data "$dir")
  fi
  if [ -f "$MODELS_DIR/$name/heldout.args" ]; then
    dir="$(dataset_dir "$MODELS_DIR/$name/heldout.args" "$name-heldout")"
    prepare_dataset "$MODELS_DIR/$name/heldout.args" "$dir"
    arguments+=(--heldout "$dir")
  fi
  say "$name: $PYTHON models/$name/train.py ${arguments[*]#"$ROOT"/}"
  "$PYTHON" "$MODELS_DIR/$name/train.py" "${arguments[@]}"
}

main() {
  ensure_python_packages
  local names name started summary=()
  mapfile -t names < <(model_names "$@")
  [ "${#names[@]}" -gt 0 ] || { say "no models/*/train.py found"; exit 1; }
  for name in "${names[@]}"; do
    started=$SECONDS
    train_model "$name"
    summary+=("$name: $((SECONDS - started))s")
    say "$name: done in $((SECONDS - started))s"
  done
  say "wall time per model:"
  printf '  %s\n' "${summary[@]}"
}

main "$@"
