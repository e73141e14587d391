CYPHER replan=skip
UNWIND $names AS name
MERGE (:Namespace {name: name})
