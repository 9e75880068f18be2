"""A child process for the kill tests (tests/model/test_faults.py): writes to a store through the real code
and prints `ack ...` only after each write returned. The parent SIGKILLs it at a random moment.

    python -m tests.fault_child save DB START
    python -m tests.fault_child batch DB PIPELINE BLOBFILE BATCH_SIZE
"""

from __future__ import annotations

import sys


def text_of(n: int) -> str:
    """The text of article n, rebuilt by the parent to check what it reads back."""
    return f"Article number {n} of the kill test. " + " ".join(f"word{n}x{k}" for k in range(40)) + "\n"


def save(db: str, start: int) -> None:
    from presslens.article import Article
    from presslens.store import open_store

    store = open_store(db)
    print("ready", flush=True)
    n = start
    while True:
        added = store.add(Article(f"k{n}", text_of(n), title=f"Title {n}"))
        print(f"ack add {added.id}", flush=True)
        record = store.record(added.id)
        store.update(added.id, {"title": f"Edited {n}", "source": "Kill desk"}, version=record.version,
                     original=record.meta())
        print(f"ack edit {added.id}", flush=True)
        n += 1


def batch(db: str, pipeline: str, blobfile: str, size: int) -> None:
    from presslens.article import Article
    from presslens.store import analysis_key, open_store
    from presslens.store import batch as runner

    blob = open(blobfile, "rb").read()
    # The real driver and commit path; the analysis itself is a stored real one (no model in the child).
    runner.analyse_batch = lambda rows, model: (pipeline, [(analysis_key(Article(*r)), blob) for r in rows], [])
    store = open_store(db)
    real_put = store.put_packed

    def put(packed, version):
        n = real_put(packed, version)
        print("ack batch " + " ".join(key for key, _ in packed), flush=True)
        return n

    store.put_packed = put
    print("ready", flush=True)
    runner.run(store, pipeline, workers=1, batch_size=size, progress=False)
    print("done", flush=True)


if __name__ == "__main__":
    mode, *args = sys.argv[1:]
    if mode == "save":
        save(args[0], int(args[1]))
    else:
        batch(args[0], args[1], args[2], int(args[3]))
