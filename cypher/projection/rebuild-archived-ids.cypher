// A page of the archive's event ids in id order (the unique constraint's index gives the order and the range).
MATCH (e:Event)
WHERE e.id > $after
RETURN e.id AS id
ORDER BY e.id
LIMIT $limit
