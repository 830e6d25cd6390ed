"""The graph: the model (schema, entities and relations, names, bundles) and the two stores."""
