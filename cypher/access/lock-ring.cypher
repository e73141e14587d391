// Serializes rotations of one scope (the write lock on the ring is held until commit).
MERGE (r:ApiKeyRing {scope: $scope})
SET r.rotatedAt = $now
