// Path (c) of the benchmark: the Neo4j GraphQL Library 7 serving the same graph as Dealgraph.
// Started by the benchmark (src/test/java/io/dealgraph/bench/NeoGraphQl.java) against Dealgraph's
// embedded Neo4j; prints "ready <port>" once it answers. The schema maps the same nodes and
// relationships: one Organization type, and one relationship field per deal type and direction,
// with the deal's properties on the relationship.
import { ApolloServer } from '@apollo/server';
import { startStandaloneServer } from '@apollo/server/standalone';
import { Neo4jGraphQL } from '@neo4j/graphql';
import { printSchema } from 'graphql';
import neo4j from 'neo4j-driver';
import http from 'node:http';

const DEAL_TYPES = ['PARTNERSHIP', 'FINANCING', 'SUPPLY', 'ACQUISITION', 'REGULATORY_ACTION', 'CONTROL'];
const fieldName = (type) => type.toLowerCase().replace(/_(\w)/g, (_, c) => c.toUpperCase());

const relationshipFields = DEAL_TYPES.flatMap((type) => [
  `${fieldName(type)}Out: [Organization!]! @relationship(type: "${type}", direction: OUT, properties: "Deal")`,
  `${fieldName(type)}In: [Organization!]! @relationship(type: "${type}", direction: IN, properties: "Deal")`,
]).join('\n  ');

export const typeDefs = `
type Organization @node {
  id: ID!
  name: String!
  kind: String!
  country: String
  investorTypes: [String!]
  ${relationshipFields}
}

type Deal @relationshipProperties {
  id: ID!
  announcedOn: String
  announcedKey: String
  status: String
  amount: Float
  currency: String
  retractedAt: String
}
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
