"""The engine's steps, one module each (a `STEP`), listed in order in presslens/pipeline.py."""
