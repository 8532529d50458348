#!/usr/bin/env python3
"""Runs the reference model's own random simulation and records it, for the field app's JS merge to replay.

Usage: python3 model_driver.py SEED [LAST_SEED]
Prints one JSON object per seed, one per line:
  {"seed": 7, "nodes": ["n0", ...],
   "ops": [{"op": "write", "node": "n1", "record": "r0", "set": {"a": 3}, "delete": false, "hlc": 1012,
            "dot": ["n1", 4]},
           {"op": "apply", "node": "n0", "dot": ["n1", 4], "applied": true}, ...],
   "final": {"n0": {"state": {...}, "conflicts": [["r0", "a"], ["r1", null]], "vv": {"n1": 4}}, ...}}

The model is Tests/Fixtures/semantics_model.py, a copy of /work/shared/reference/semantics_model.py kept in
the repository so a clean clone has it. Its `sim(seed)` draws from a private random.Random, so its
choices cannot be replayed from outside; instead this driver records them as they happen: `Node` is
replaced by a subclass that logs every local write (with the HLC the simulation chose) and every apply
(with whether the model applied or skipped it), in order, then calls the model's own method. The
simulation, its convergence and no-silent-loss assertions all run unchanged.

HLCs: the model draws a write's HLC as clock ± 50, which can be negative, and a real HLC cannot. Every
HLC in the output (ops and states) is shifted by HLC_OFFSET, which keeps the order and so every
display winner; the states are otherwise the model's `state()` and `conflicts()` exactly.
Standard library only.
"""
import importlib.util
import json
import pathlib
import sys

HLC_OFFSET = 1000
ROOT = pathlib.Path(__file__).resolve().parents[4]      # FieldApp/tests -> FieldApp -> SentraWeb -> Sources -> root
MODEL = ROOT / "Tests" / "Fixtures" / "semantics_model.py"

spec = importlib.util.spec_from_file_location("semantics_model", MODEL)
model = importlib.util.module_from_spec(spec)
spec.loader.exec_module(model)
BaseNode = model.Node


class Recorder:
    def __init__(self):
        self.ops, self.nodes, self.writing = [], [], False


recorder = Recorder()


class RecordingNode(BaseNode):
    def __init__(self, nid):
        super().__init__(nid)
        recorder.nodes.append(self)

    def write(self, rid, assign=None, delete=False, hlc=0):
        op = {"op": "write", "node": self.id, "record": rid, "set": dict(assign or {}), "delete": delete,
              "hlc": hlc + HLC_OFFSET}
        recorder.ops.append(op)
        recorder.writing = True
        try:
            change = super().write(rid, assign, delete=delete, hlc=hlc)
        finally:
            recorder.writing = False
        op["dot"] = list(change["dot"])
        return change

    def apply(self, c):
        applied = super().apply(c)
        if not recorder.writing:
            recorder.ops.append({"op": "apply", "node": self.id, "dot": list(c["dot"]), "applied": applied})
        return applied


model.Node = RecordingNode


def shifted_state(state):
    return {rid: {f: [[list(dot), [hlc + HLC_OFFSET, value]] for dot, (hlc, value) in entries]
                  for f, entries in fields.items()}
            for rid, fields in state.items()}


def run(seed):
    global recorder
    recorder = Recorder()
    model.sim(seed)
    final = {n.id: {"state": shifted_state(n.state()), "conflicts": [list(c) for c in n.conflicts()], "vv": n.vv}
             for n in recorder.nodes}
    return {"seed": seed, "nodes": [n.id for n in recorder.nodes], "ops": recorder.ops, "final": final}


if __name__ == "__main__":
    first = int(sys.argv[1]) if len(sys.argv) > 1 else 1
    last = int(sys.argv[2]) if len(sys.argv) > 2 else first
    for seed in range(first, last + 1):
        print(json.dumps(run(seed), sort_keys=True, separators=(",", ":")))
