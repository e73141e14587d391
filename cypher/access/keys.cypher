// Every stored write key (digests only) and whether a rotation has ever happened.
OPTIONAL MATCH (r:ApiKeyRing {scope: $scope})
OPTIONAL MATCH (k:ApiKey {scope: $scope})
RETURN r.rotatedAt AS rotatedAt,
       collect(k {.id, .digest, .origin, .activeSince, .expiresAt}) AS keys
