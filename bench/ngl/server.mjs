// Path (c) of the benchmark: the Neo4j GraphQL Library 7 serving the same graph as Dealgraph.
// Started by the benchmark (src/test/java/io/dealgraph/bench/NeoGraphQl.java) against Dealgraph's
// embedded Neo4j; prints "ready <port>" once it answers. The schema maps the same nodes and
// relationships: a deal is a node labelled Deal and its type's label, with a FROM relationship to
// the party it comes from and a TO relationship to the other. So there is one Organization type
// with two fields per deal type, the deals it is the from party of and those it is the to party
// of, and one node type per deal type, with the deal's properties and its two parties; an
// organization's financiers, two hops away, are a @cypher field.
import { ApolloServer } from '@apollo/server';
import { startStandaloneServer } from '@apollo/server/standalone';
import { Neo4jGraphQL } from '@neo4j/graphql';
import { printSchema } from 'graphql';
import neo4j from 'neo4j-driver';
import http from 'node:http';

const DEAL_TYPES = ['PARTNERSHIP', 'FINANCING', 'SUPPLY', 'ACQUISITION', 'REGULATORY_ACTION', 'CONTROL'];
const fieldName = (type) => type.toLowerCase().replace(/_(\w)/g, (_, c) => c.toUpperCase());
// The deal type's label and GraphQL type: FINANCING -> Financing, REGULATORY_ACTION -> RegulatoryAction.
const typeName = (type) => fieldName(type).replace(/^\w/, (c) => c.toUpperCase());

const dealFields = DEAL_TYPES.flatMap((type) => [
  `${fieldName(type)}From: [${typeName(type)}!]! @relationship(type: "FROM", direction: IN)`,
  `${fieldName(type)}To: [${typeName(type)}!]! @relationship(type: "TO", direction: IN)`,
]).join('\n  ');

const dealTypes = DEAL_TYPES.map((type) => `
type ${typeName(type)} @node(labels: ["${typeName(type)}", "Deal"]) {
  id: ID!
  announcedOn: String
  announcedKey: String
  status: String
  amount: Float
  currency: String
  retractedAt: String
  from: [Organization!]! @relationship(type: "FROM", direction: OUT)
  to: [Organization!]! @relationship(type: "TO", direction: OUT)
}`).join('\n');

export const typeDefs = `
type Organization @node {
  id: ID!
  name: String!
  kind: String!
  country: String
  investorTypes: [String!]
  ${dealFields}
  # Two hops away, through financing deals, so a derived field: what a user of the library
  # writes for it, ordered, capped and counted as Dealgraph's financiers are (a deal not
  # retracted, the financier's own money: not an arranger's or underwriter's).
  financiers: [Organization!]!
    @cypher(
      statement: """
      MATCH (this)<-[:TO]-(f:Financing)-[:FROM]->(x:Organization)
      WHERE f.retractedAt IS NULL AND NOT coalesce(f.role, '') IN ['ARRANGER', 'UNDERWRITER']
      WITH DISTINCT x ORDER BY x.name, x.id LIMIT 100
      RETURN x
      """
      columnName: "x"
    )
}
${dealTypes}
`;

const driver = neo4j.driver(process.env.NEO4J_URI || 'bolt://127.0.0.1:7687', neo4j.auth.basic('neo4j', 'unused'));

// Counts the Cypher statements the library runs, so the benchmark can report statements per
// request beside Dealgraph's. The library runs each statement as tx.run inside a session's
// executeRead or executeWrite; counting there costs an increment.
let statements = 0;
const bound = (target, property) => {
  const value = target[property];
  return typeof value === 'function' ? value.bind(target) : value;
};
const countingTransaction = (tx) => new Proxy(tx, {
  get: (target, property) => property === 'run'
    ? (...args) => { statements += 1; return target.run(...args); }
    : bound(target, property),
});
const countingSession = (session) => new Proxy(session, {
  get: (target, property) => property === 'executeRead' || property === 'executeWrite'
    ? (work, config) => target[property]((tx) => work(countingTransaction(tx)), config)
    : bound(target, property),
});
const countingDriver = new Proxy(driver, {
  get: (target, property) => property === 'session'
    ? (...args) => countingSession(target.session(...args))
    : bound(target, property),
});
const schema = await new Neo4jGraphQL({ typeDefs, driver: countingDriver }).getSchema();

if (process.argv.includes('--print-schema')) {
  console.log(printSchema(schema));
  await driver.close();
} else {
  const server = new ApolloServer({ schema });
  const { url } = await startStandaloneServer(server, {
    listen: { host: '127.0.0.1', port: Number(process.env.PORT || 0) },
  });
  const counter = http.createServer((request, response) => response.end(String(statements)));
  await new Promise((resolve) => counter.listen(0, '127.0.0.1', resolve));
  console.log(`statements ${counter.address().port}`);
  console.log(`ready ${new URL(url).port}`);
}
