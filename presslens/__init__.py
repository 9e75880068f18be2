"""presslens: the engine of a news-reading dashboard.

Data flows one way: source -> Article -> spaCy Doc -> Analysis. Nothing here imports the UI (components/, dashboard.py).
"""

__version__ = "0.1.0"
