// API keys issued by rotation, stored as digests only; one ring per scope serializes rotations across instances.
CREATE CONSTRAINT api_key_digest IF NOT EXISTS FOR (k:ApiKey) REQUIRE k.digest IS UNIQUE;
CREATE CONSTRAINT api_key_ring_scope IF NOT EXISTS FOR (r:ApiKeyRing) REQUIRE r.scope IS UNIQUE;
