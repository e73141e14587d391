// A generated key joins the stored keys at start-up until the first rotation; after it, only rotation adds keys.
OPTIONAL MATCH (r:ApiKeyRing {scope: $scope})
WITH r WHERE r IS NULL OR r.rotatedAt IS NULL
MERGE (k:ApiKey {digest: $digest})
  ON CREATE SET k.id = $id, k.scope = $scope, k.origin = 'GENERATED', k.activeSince = $now
