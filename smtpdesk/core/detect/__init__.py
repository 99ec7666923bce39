"""Finding an address's outgoing server: see ``detector.detect``."""
