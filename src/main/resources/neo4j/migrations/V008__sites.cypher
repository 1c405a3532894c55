// Sites and related deals (issue 18): a site is a node with a unique id; deals point at the sites they
// concern and at the deals they exist because of. The seed, which a graph from an earlier seed merges
// again at start, writes them.
CREATE CONSTRAINT site_id IF NOT EXISTS FOR (s:Site) REQUIRE s.id IS UNIQUE;
