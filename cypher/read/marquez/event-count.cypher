// How many raw events lie within [$after, $before) (Marquez's totalCount of /events/lineage).
MATCH (e:Event)
WHERE e.eventTime >= $after AND e.eventTime < $before
RETURN count(e) AS count
