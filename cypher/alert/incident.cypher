MATCH (i:AlertIncident {id: $id})
RETURN properties(i) AS incident
