// One page of archived events whose body is still text (archived before bodies were compressed), in id order after a
// cursor: a range seek on the event_id constraint's index, so a pass over the whole archive costs its size once.
MATCH (e:Event)
WHERE e.id > $afterId AND e.json IS NOT NULL
RETURN e.id AS id, e.json AS json
ORDER BY e.id
LIMIT $limit
