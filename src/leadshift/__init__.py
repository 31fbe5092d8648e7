"""leadshift: a command-line coach for newly promoted client-services leaders."""

__version__ = "0.1.0"
