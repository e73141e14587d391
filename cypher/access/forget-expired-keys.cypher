// Keys past their deadline are refused anyway; their digests need not be kept.
MATCH (k:ApiKey {scope: $scope})
WHERE k.expiresAt IS NOT NULL AND k.expiresAt <= $now
DELETE k
