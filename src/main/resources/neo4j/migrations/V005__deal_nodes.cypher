// Deals become nodes, (:Deal:Financing) and so on, with a FROM relationship to the party a deal comes from
// and a TO relationship to the other, so that a deal can link to sites and to other deals and a round can
// name several investors (BENCHMARKS.md, "How a deal is stored"). Deal ids are unique across all types.
CREATE CONSTRAINT deal_id IF NOT EXISTS FOR (d:Deal) REQUIRE d.id IS UNIQUE;
CREATE INDEX deal_announced IF NOT EXISTS FOR (d:Deal) ON (d.announcedKey);
// Each deal relationship is copied into a deal node with the same properties and deleted in the same
// batch: a start stopped half-way leaves every deal stored once, one way or the other, and the next start
// copies the rest. These statements commit in batches, so they run outside a transaction of their own.
MATCH (a:Organization)-[r:PARTNERSHIP]->(b:Organization)
CALL (a, r, b) {
  CREATE (a)<-[:FROM]-(d:Deal:Partnership)-[:TO]->(b)
  SET d = properties(r)
  DELETE r
} IN TRANSACTIONS OF 10000 ROWS;
MATCH (a:Organization)-[r:FINANCING]->(b:Organization)
CALL (a, r, b) {
  CREATE (a)<-[:FROM]-(d:Deal:Financing)-[:TO]->(b)
  SET d = properties(r)
  DELETE r
} IN TRANSACTIONS OF 10000 ROWS;
MATCH (a:Organization)-[r:SUPPLY]->(b:Organization)
CALL (a, r, b) {
  CREATE (a)<-[:FROM]-(d:Deal:Supply)-[:TO]->(b)
  SET d = properties(r)
  DELETE r
} IN TRANSACTIONS OF 10000 ROWS;
MATCH (a:Organization)-[r:ACQUISITION]->(b:Organization)
CALL (a, r, b) {
  CREATE (a)<-[:FROM]-(d:Deal:Acquisition)-[:TO]->(b)
  SET d = properties(r)
  DELETE r
} IN TRANSACTIONS OF 10000 ROWS;
MATCH (a:Organization)-[r:REGULATORY_ACTION]->(b:Organization)
CALL (a, r, b) {
  CREATE (a)<-[:FROM]-(d:Deal:RegulatoryAction)-[:TO]->(b)
  SET d = properties(r)
  DELETE r
} IN TRANSACTIONS OF 10000 ROWS;
MATCH (a:Organization)-[r:CONTROL]->(b:Organization)
CALL (a, r, b) {
  CREATE (a)<-[:FROM]-(d:Deal:Control)-[:TO]->(b)
  SET d = properties(r)
  DELETE r
} IN TRANSACTIONS OF 10000 ROWS;
// The relationships are gone, and their constraints and indexes with them.
DROP CONSTRAINT partnership_id IF EXISTS;
DROP CONSTRAINT financing_id IF EXISTS;
DROP CONSTRAINT supply_id IF EXISTS;
DROP CONSTRAINT acquisition_id IF EXISTS;
DROP CONSTRAINT regulatory_action_id IF EXISTS;
DROP CONSTRAINT control_id IF EXISTS;
DROP INDEX partnership_announced IF EXISTS;
DROP INDEX financing_announced IF EXISTS;
DROP INDEX supply_announced IF EXISTS;
DROP INDEX acquisition_announced IF EXISTS;
DROP INDEX regulatory_action_announced IF EXISTS;
DROP INDEX control_announced IF EXISTS;
