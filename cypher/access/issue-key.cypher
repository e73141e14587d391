CREATE (k:ApiKey {digest: $digest, id: $id, scope: $scope, origin: 'ROTATED', activeSince: $now})
