# Copied from /work/shared/reference/semantics_model.py (the executable reference model beside
# DESIGN.md) so that a clean clone has it: the field app's model cross-check
# (Sources/SentraWeb/FieldApp/tests/model_driver.py) imports this copy. Do not edit here; copy again
# when the reference changes.
"""Executable reference for the semantics in ../DESIGN.md (Semantics 2-6): field-level multi-value registers
with causal contexts, deletion as a change, causal and idempotent delivery. It is a model, not an
implementation: no storage, no wire format, no HLC rules. Read it where the prose is ambiguous; the random
simulation at the bottom checks convergence and that no acknowledged write is lost without being superseded.
Run: python3 semantics_model.py [SEEDS]"""
import random, sys, copy

class Node:
    def __init__(self, nid):
        self.id, self.counter, self.vv, self.log, self.recs = nid, 0, {}, [], {}

    def rec(self, rid):
        return self.recs.setdefault(rid, {"fields": {}, "ctx": {}})

    def write(self, rid, assign=None, delete=False, hlc=0):
        r = self.rec(rid)
        self.counter += 1
        c = {"dot": (self.id, self.counter), "ctx": dict(r["ctx"]), "rid": rid, "hlc": hlc,
             "fields": dict(assign or {}), "delete": delete}
        self.apply(c)
        return c

    def covered(self, ctx, dot):
        return ctx.get(dot[0], 0) >= dot[1]

    def apply(self, c):
        o, n = c["dot"]
        if self.vv.get(o, 0) >= n:
            return False                       # already have it: idempotent
        assert self.vv.get(o, 0) == n - 1, "per-origin FIFO violated"
        assert all(self.vv.get(k, 0) >= v for k, v in c["ctx"].items()), "causal context not satisfied"
        r = self.rec(c["rid"])
        targets = dict(c["fields"])
        if c["delete"]:
            for f in list(r["fields"]):
                if f != "_deleted":
                    r["fields"][f] = {d: e for d, e in r["fields"][f].items() if not self.covered(c["ctx"], d)}
            targets = {"_deleted": True}
        for f, v in targets.items():
            ent = r["fields"].get(f, {})
            ent = {d: e for d, e in ent.items() if not self.covered(c["ctx"], d)}
            ent[c["dot"]] = (c["hlc"], v)
            r["fields"][f] = ent
        r["ctx"][o] = max(r["ctx"].get(o, 0), n)
        self.vv[o] = n
        self.log.append(c)
        return True

    def missing_for(self, vv):
        return [c for c in self.log if vv.get(c["dot"][0], 0) < c["dot"][1]]

    def state(self):
        out = {}
        for rid, r in self.recs.items():
            out[rid] = {f: sorted((d, e) for d, e in ent.items()) for f, ent in r["fields"].items() if ent}
        return out

    def conflicts(self):
        res = []
        for rid, r in self.recs.items():
            for f, ent in r["fields"].items():
                if len(ent) > 1:
                    res.append((rid, f))
            dl = r["fields"].get("_deleted", {})
            if dl and max(dl.values(), key=lambda e: e[0])[1] is True:
                if any(ent for f, ent in r["fields"].items() if f != "_deleted"):
                    res.append((rid, None))
        return sorted(res, key=str)


def sim(seed, steps=80):
    rnd = random.Random(seed)
    nodes = [Node(f"n{i}") for i in range(rnd.randint(2, 6))]
    clock = 0
    acked = []   # (node, change) every acknowledged local write
    for _ in range(steps):
        clock += 1
        n = rnd.choice(nodes)
        p = rnd.random()
        if p < 0.5:
            rids = list(n.recs) or ["r0"]
            rid = rnd.choice(rids + [f"r{rnd.randint(0, 4)}"])
            fs = rnd.sample(["a", "b", "c"], rnd.randint(1, 2))
            acked.append(n.write(rid, {f: rnd.randint(0, 9) for f in fs}, hlc=clock + rnd.randint(-50, 50)))
        elif p < 0.58 and n.recs:
            acked.append(n.write(rnd.choice(list(n.recs)), delete=True, hlc=clock))
        else:
            m = rnd.choice([x for x in nodes if x is not n])
            batch = m.missing_for(n.vv) if rnd.random() < 0.7 else list(m.log)   # sometimes resend everything
            if batch and rnd.random() < 0.4:
                batch = batch[: rnd.randint(1, len(batch))]        # interrupted: a prefix only
            for c in batch:
                n.apply(c)
            if rnd.random() < 0.2:
                for c in batch:
                    n.apply(c)                                     # duplicate delivery
    for _ in range(2):
        for n in nodes:
            for m in nodes:
                for c in m.missing_for(n.vv):
                    n.apply(c)
    s0 = nodes[0].state()
    for n in nodes[1:]:
        assert n.state() == s0, f"seed {seed}: diverged"
        assert n.conflicts() == nodes[0].conflicts()
    # no write lost silently: every acknowledged assignment is either still an entry, or covered by a later
    # change's context (superseded by someone who had seen it)
    final_log = nodes[0].log
    for c in acked:
        for f in (c["fields"] if not c["delete"] else {"_deleted": True}):
            present = any(c["dot"] in ent for ent in [s0.get(c["rid"], {}).get(f, [])] for ent in [dict(ent)])
            if not present:
                sup = [d for d in final_log if d["rid"] == c["rid"] and d["ctx"].get(c["dot"][0], 0) >= c["dot"][1]
                       and (f in d["fields"] or d["delete"] or (f == "_deleted" and "_deleted" in d["fields"]))]
                assert sup, f"seed {seed}: write {c['dot']} to {f} lost without being superseded"
    return len(nodes), sum(len(nodes[0].conflicts()) for _ in [0])

if __name__ == "__main__":
    seeds = int(sys.argv[1]) if len(sys.argv) > 1 else 2000
    tot = 0
    for s in range(seeds):
        tot += sim(s)[1]
    print(f"{seeds} seeds converged, no silent loss; {tot} conflicts seen in final states")
