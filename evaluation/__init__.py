"""Evaluation against gold annotations: one module per `presslens eval TARGET`."""
