"""Entity mentions and the actors they name.

`refine_entities` (the `presslens_entities` spaCy component) cleans doc.ents; `mentions_and_actors`
turns a cleaned Doc into the contract's mentions and actors. Modules, one rule family each:
boilerplate (author lines), names (recovered proper names), roles (titles kept apart from names),
spans (trimming), metonymy (capitals for governments), actors (joining and type voting).
"""

from .actors import mentions_and_actors
from .component import refine_entities

__all__ = ["mentions_and_actors", "refine_entities"]
