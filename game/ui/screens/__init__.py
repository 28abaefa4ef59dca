"""One module per screen. Each screen only reads state and emits actions."""
