// Every key still valid gets the grace deadline (an earlier deadline stays).
MATCH (k:ApiKey {scope: $scope})
WHERE k.expiresAt IS NULL OR k.expiresAt > $validUntil
SET k.expiresAt = $validUntil
