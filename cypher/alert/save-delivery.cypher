MERGE (d:AlertDelivery {id: $id})
SET d += $properties
