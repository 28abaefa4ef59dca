"""A few short sound effects, synthesised in code (no audio files): a click for buttons, a stamp
for a vote's result, a low chord for an event.

Everything is lazy and safe: the mixer is opened and the sounds are built on the first ``play``;
if the mixer cannot open a device (or NumPy is missing) sound is silently off for the rest of the
run. Nothing plays unless ``settings.sound`` is on.
"""
from __future__ import annotations

import pygame

EFFECTS = ("click", "stamp", "chord")
RATE = 22050

_sounds: dict = {}          # name -> pygame.mixer.Sound, for the mixer format in _format
_format = None              # the pygame.mixer.get_init() the sounds were built for
_broken = False             # the mixer or NumPy failed once: sound stays off
stats = {"played": 0}       # how many effects were started (for tests and the curious)


def _mixer():
    """The mixer's (frequency, format, channels), opening it if needed; None when unavailable."""
    global _broken
    if _broken:
        return None
    try:
        init = pygame.mixer.get_init()
        if not init:
            pygame.mixer.init(frequency=RATE, size=-16, channels=2, buffer=512)
            init = pygame.mixer.get_init()
        return init or None
    except (pygame.error, NotImplementedError, AttributeError, OSError):
        _broken = True
        return None


def _waves(rate: int) -> dict:
    """Each effect as mono float samples in -1..1."""
    import numpy as np

    def t(seconds):
        return np.arange(int(rate * seconds)) / rate

    rng = np.random.default_rng(1922)
    # click: a 25 ms tick, a bright sine and a little noise, decaying fast
    tc = t(0.025)
    click = (0.6 * np.sin(2 * np.pi * 1900 * tc) + 0.4 * rng.uniform(-1, 1, tc.size)) * np.exp(-tc * 220)
    # stamp: a thud (a falling low sine) with a noisy strike at the start
    ts = t(0.22)
    freq = 140 * np.exp(-ts * 9) + 55
    phase = 2 * np.pi * np.cumsum(freq) / rate
    stamp = np.sin(phase) * np.exp(-ts * 16) + 0.7 * rng.uniform(-1, 1, ts.size) * np.exp(-ts * 90)
    # chord: a low minor triad (A2 C3 E3) swelling and fading
    tk = t(0.95)
    chord = sum(np.sin(2 * np.pi * f * tk) + 0.3 * np.sin(4 * np.pi * f * tk) for f in (110.0, 130.81, 164.81))
    envelope = np.minimum(1.0, tk / 0.08) * np.exp(-tk * 2.6)
    chord = chord * envelope / 4.0
    out = {}
    for name, wave in (("click", click), ("stamp", stamp), ("chord", chord)):
        peak = float(np.max(np.abs(wave))) or 1.0
        out[name] = wave / peak * {"click": 0.35, "stamp": 0.6, "chord": 0.45}[name]
    return out


def _build(init) -> dict:
    import numpy as np
    rate, fmt, channels = init
    kinds = {-8: (np.int8, 127, 0), 8: (np.uint8, 127, 128), -16: (np.int16, 32767, 0),
             16: (np.uint16, 32767, 32768), -32: (np.int32, 2**31 - 1, 0), 32: (np.float32, 1.0, 0)}
    dtype, scale, offset = kinds.get(fmt, (np.int16, 32767, 0))
    sounds = {}
    for name, wave in _waves(rate).items():
        data = (wave * scale + offset).astype(dtype)
        if channels > 1:
            data = np.ascontiguousarray(np.repeat(data[:, None], channels, axis=1))
        sounds[name] = pygame.sndarray.make_sound(data)
    return sounds


def play(name: str, settings) -> bool:
    """Play an effect if sound is on and a device is open; True when it was started."""
    global _sounds, _format, _broken
    if not getattr(settings, "sound", False) or name not in EFFECTS:
        return False
    init = _mixer()
    if init is None:
        return False
    try:
        if init != _format or name not in _sounds:
            _sounds, _format = _build(init), init
        _sounds[name].play()
    except (pygame.error, ImportError, ValueError, TypeError, OSError):
        _broken = True
        return False
    stats["played"] += 1
    return True
