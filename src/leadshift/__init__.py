"""leadshift: a command-line coach for newly promoted client-services leaders."""

__version__ = "0.2.0"
