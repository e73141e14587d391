// The fields (JSON) of the schema versions dataset versions name, by dataset and hash.
UNWIND $keys AS key
MATCH (s:SchemaVersion {namespace: key.namespace, dataset: key.name, hash: key.hash})
RETURN s.namespace AS namespace, s.dataset AS name, s.hash AS hash, s.fields AS fields
