"""The graph: schema, result models, the two stores, and rendering."""
