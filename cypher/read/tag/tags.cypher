// Every tag: those described by hand (Tag nodes) and those in use on live datasets, their fields and jobs, by name.
// The tagText indexes find the tagged nodes; a field tag is stored on its dataset as field + \u001f + tag.
CALL () {
  MATCH (t:Tag) RETURN t.name AS name, t.description AS description
  UNION
  MATCH (d:Dataset) WHERE d.tagText > '' AND d.deleted IS NULL
  UNWIND d.tags + [e IN coalesce(d.fieldTags, []) | split(e, '\u001f')[1]] AS name
  RETURN name, null AS description
  UNION
  MATCH (j:Job) WHERE j.tagText > '' AND j.deleted IS NULL
  UNWIND j.tags AS name
  RETURN name, null AS description
}
WITH name, max(description) AS description
RETURN name, description
ORDER BY name
