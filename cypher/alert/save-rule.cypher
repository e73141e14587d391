MERGE (r:AlertRule {id: $id})
SET r = $properties
