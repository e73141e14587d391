MATCH (n:Namespace)
RETURN n.name AS name
ORDER BY name
