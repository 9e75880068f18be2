"""Reading across articles: corpus entities, timeline, claims and quotes over many analyses (pure)."""
