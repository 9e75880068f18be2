"""The Streamlit layer of presslens: pages, the shared sidebar, and one module per view or widget.

Pages get everything they show from the engine's Analysis; see docs/dashboard.md for how a page
plugs into the navigation, the actor filter and the article view's selection.
"""
