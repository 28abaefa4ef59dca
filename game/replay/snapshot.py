"""A game's state as JSON and back, and a fingerprint of it.

Each array is stored as base64 of NumPy's own ``.npy`` bytes (dtype, shape and byte order
included) and read back with ``allow_pickle=False``: nothing in a save can run code.
"""
from __future__ import annotations

import base64
import hashlib
import io
from dataclasses import fields

import numpy as np

from ..engine.state import State


class SnapshotError(ValueError):
    """A stored state that does not fit this version of the game."""


def digest(state: State) -> str:
    """SHA-256 over the turn and every array (name, dtype, shape, bytes): equal digests, equal
    games."""
    h = hashlib.sha256(f"turn={int(state.turn)}".encode())
    for name, arr in state.arrays().items():
        a = np.ascontiguousarray(arr)
        h.update(f"|{name}|{a.dtype.str}|{a.shape}|".encode())
        h.update(a.tobytes())
    return h.hexdigest()


def differences(a: State, b: State) -> list[str]:
    """Names of the quantities that differ between two states ([] if equal)."""
    out = [] if int(a.turn) == int(b.turn) else ["turn"]
    bb = b.arrays()
    for name, arr in a.arrays().items():
        other = bb.get(name)
        if other is None or arr.shape != other.shape or arr.dtype != other.dtype \
                or not np.array_equal(arr, other, equal_nan=arr.dtype.kind == "f"):
            out.append(name)
    return out


def encode(state: State) -> dict:
    arrays = {}
    for name, arr in state.arrays().items():
        buf = io.BytesIO()
        np.save(buf, np.ascontiguousarray(arr), allow_pickle=False)
        arrays[name] = base64.b64encode(buf.getvalue()).decode("ascii")
    return {"turn": int(state.turn), "digest": digest(state), "arrays": arrays}


def decode(snap: dict) -> State:
    """The state stored by ``encode``; SnapshotError if it does not fit today's State."""
    try:
        stored = snap["arrays"]
        kwargs: dict = {"turn": int(snap["turn"])}
        for f in fields(State):
            if f.name == "turn":
                continue
            raw = base64.b64decode(stored[f.name], validate=True)
            kwargs[f.name] = np.load(io.BytesIO(raw), allow_pickle=False)
        extra = set(stored) - set(kwargs)
        if extra:
            raise SnapshotError(f"unknown quantities {sorted(extra)}")
        state = State(**kwargs)
    except SnapshotError:
        raise
    except (KeyError, TypeError, ValueError, OSError) as err:
        raise SnapshotError(f"{type(err).__name__}: {err}") from None
    if digest(state) != snap.get("digest"):
        raise SnapshotError("the stored state does not match its fingerprint")
    return state
