// Organizations: unique slugs, indexes for the filters, and full-text search over names and aliases.
CREATE CONSTRAINT organization_id IF NOT EXISTS FOR (o:Organization) REQUIRE o.id IS UNIQUE;
CREATE INDEX organization_kind IF NOT EXISTS FOR (o:Organization) ON (o.kind);
CREATE INDEX organization_name IF NOT EXISTS FOR (o:Organization) ON (o.name);
CREATE INDEX organization_country IF NOT EXISTS FOR (o:Organization) ON (o.country);
CREATE FULLTEXT INDEX organization_names IF NOT EXISTS FOR (o:Organization) ON EACH [o.name, o.aliases];
CREATE CONSTRAINT fact_key IF NOT EXISTS FOR (f:Fact) REQUIRE f.key IS UNIQUE;
CREATE CONSTRAINT context_event_key IF NOT EXISTS FOR (e:ContextEvent) REQUIRE e.key IS UNIQUE;
