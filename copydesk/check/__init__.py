"""The article and the records against what the user declared: required fields, records schema, expectations."""
