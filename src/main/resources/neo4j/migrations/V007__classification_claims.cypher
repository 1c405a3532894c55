// Classifications are sourced claims (issue 18). An organization's investor types and kinds now follow
// from its facts of attribute 'investor_type' and 'kind' (graph/Classification), and the node keeps the
// values claimed at each evidence threshold. A graph written before holds investor types as a bare list.
//
// A type in that list with no fact behind it becomes a LOW claim that says where it came from. For the
// seed's organizations these stand in only until the seed merges again at start, which replaces them
// with the claims its sources make; an editor's organization keeps them until an editor sources them.
MATCH (o:Organization) WHERE size(coalesce(o.investorTypes, [])) > 0
CALL (o) {
  UNWIND o.investorTypes AS type
  WITH o, type
  WHERE NOT EXISTS { (o)-[:HAS_FACT]->(:Fact {attribute: 'investor_type', value: type}) }
  MERGE (f:Fact {key: 'V007/' + o.id + '/' + type})
  ON CREATE SET f.attribute = 'investor_type', f.value = type, f.confidence = 'LOW',
                f.sourceTitle = 'Recorded without a source before investor types were sourced claims',
                f.note = 'Carried over from the bare investor-type list by migration V007'
  MERGE (o)-[:HAS_FACT]->(f)
} IN TRANSACTIONS OF 10000 ROWS;
// Those claims are all LOW, and no earlier code wrote the lists of what MEDIUM and HIGH claims support.
MATCH (o:Organization) WHERE o.investorTypesAtMedium IS NULL
CALL (o) {
  SET o.investorTypes = coalesce(o.investorTypes, []), o.investorTypesAtMedium = [], o.investorTypesAtHigh = [],
      o.kinds = [], o.kindsAtMedium = [], o.kindsAtHigh = []
} IN TRANSACTIONS OF 10000 ROWS;
