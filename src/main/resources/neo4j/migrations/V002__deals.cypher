// Deals are relationships, one type per deal type: unique ids, and the announcement date for sorting
// and date ranges.
CREATE CONSTRAINT partnership_id IF NOT EXISTS FOR ()-[r:PARTNERSHIP]-() REQUIRE r.id IS UNIQUE;
CREATE CONSTRAINT financing_id IF NOT EXISTS FOR ()-[r:FINANCING]-() REQUIRE r.id IS UNIQUE;
CREATE CONSTRAINT supply_id IF NOT EXISTS FOR ()-[r:SUPPLY]-() REQUIRE r.id IS UNIQUE;
CREATE CONSTRAINT acquisition_id IF NOT EXISTS FOR ()-[r:ACQUISITION]-() REQUIRE r.id IS UNIQUE;
CREATE CONSTRAINT regulatory_action_id IF NOT EXISTS FOR ()-[r:REGULATORY_ACTION]-() REQUIRE r.id IS UNIQUE;
CREATE CONSTRAINT control_id IF NOT EXISTS FOR ()-[r:CONTROL]-() REQUIRE r.id IS UNIQUE;
CREATE INDEX partnership_announced IF NOT EXISTS FOR ()-[r:PARTNERSHIP]-() ON (r.announcedKey);
CREATE INDEX financing_announced IF NOT EXISTS FOR ()-[r:FINANCING]-() ON (r.announcedKey);
CREATE INDEX supply_announced IF NOT EXISTS FOR ()-[r:SUPPLY]-() ON (r.announcedKey);
CREATE INDEX acquisition_announced IF NOT EXISTS FOR ()-[r:ACQUISITION]-() ON (r.announcedKey);
CREATE INDEX regulatory_action_announced IF NOT EXISTS FOR ()-[r:REGULATORY_ACTION]-() ON (r.announcedKey);
CREATE INDEX control_announced IF NOT EXISTS FOR ()-[r:CONTROL]-() ON (r.announcedKey);
