"""Reading ``data/*.yaml`` into the model: YAML with line numbers, schema, consistency checks."""
