// The audit log as a sequence (issues 21 and 22). Every change carries `seq`, its place in the log,
// assigned by the write that records it under one counter, the ChangeSequence node: a write holds the
// counter's lock until it commits, so the order of `seq` is the order of commits. A citable page's
// `?version=N` names the state after change N; a subscriber resumes after the last `seq` it saw.
// Each change also points ABOUT the organizations its states name (a deal's parties), so the history of
// an organization's page finds the deals a correction moved away from it.
CREATE CONSTRAINT change_seq IF NOT EXISTS FOR (c:Change) REQUIRE c.seq IS UNIQUE;
CREATE CONSTRAINT change_sequence_name IF NOT EXISTS FOR (s:ChangeSequence) REQUIRE s.name IS UNIQUE;
CREATE INDEX change_target IF NOT EXISTS FOR (c:Change) ON (c.target);

// The changes made before this migration, numbered in the order they were made. Only those without a
// number are numbered, after the counter, so the statement can run again after a stop half-way.
MERGE (s:ChangeSequence {name: 'audit'})
  ON CREATE SET s.last = 0
WITH s
MATCH (c:Change) WHERE c.seq IS NULL
WITH s, c ORDER BY c.at, c.id
WITH s, collect(c) AS changes
UNWIND range(0, size(changes) - 1) AS i
WITH s, changes[i] AS c, s.last + i + 1 AS seq
SET c.seq = seq
WITH s, max(seq) AS last
SET s.last = last;

// The organizations the earlier changes name: the target, and a deal's parties, read from the
// states' JSON as the audit log wrote them (a deal's `from` and `to` objects start with their `id`).
MATCH (c:Change) WHERE NOT EXISTS { (c)-[:ABOUT]->() }
UNWIND [c.target] + [state IN [c.before, c.after] WHERE state CONTAINS '"from":{"id":"'
    | split(split(state, '"from":{"id":"')[1], '"')[0]]
  + [state IN [c.before, c.after] WHERE state CONTAINS '"to":{"id":"'
    | split(split(state, '"to":{"id":"')[1], '"')[0]] AS key
MATCH (o:Organization {id: key})
MERGE (c)-[:ABOUT]->(o);
