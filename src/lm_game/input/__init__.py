"""Input: device events become actions (mapping.py is the only module that knows key codes)."""
