// Start-up: one record per applied migration, and the seed's marker, which tells a finished load from
// one that stopped half-way.
CREATE CONSTRAINT migration_version IF NOT EXISTS FOR (m:DealgraphMigration) REQUIRE m.version IS UNIQUE;
CREATE CONSTRAINT seed_marker_name IF NOT EXISTS FOR (s:DealgraphSeed) REQUIRE s.name IS UNIQUE;
// Idempotency keys belong to the caller who sent them and expire: unique per (scope, key), with an
// index on the expiry for pruning. Keys written before they had a scope cannot be given one; they only
// guarded retries, so they go.
DROP CONSTRAINT idempotency_key IF EXISTS;
MATCH (k:IdempotencyKey) WHERE k.scope IS NULL DETACH DELETE k;
CREATE CONSTRAINT idempotency_scope_key IF NOT EXISTS FOR (k:IdempotencyKey) REQUIRE (k.scope, k.key) IS UNIQUE;
CREATE INDEX idempotency_expiry IF NOT EXISTS FOR (k:IdempotencyKey) ON (k.expiresAt);
