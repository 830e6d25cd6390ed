"""The catalogue: one question, one module; each runs on either store.

Import a question from its module (`from queries.links import links`): the package imports
nothing itself, so reading one registry (the CLI reads `queries.links.VIAS`) does not import
every question, and a function never hides the module of the same name.
"""
