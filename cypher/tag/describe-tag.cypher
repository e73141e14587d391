// Marquez's PUT /tags/{tag}: a tag with a description (tags in use need no node, see read/tag/tags).
MERGE (t:Tag {name: $name})
  ON CREATE SET t.createdAt = $now
SET t.description = $description, t.updatedAt = $now
RETURN t.name AS name, t.description AS description
