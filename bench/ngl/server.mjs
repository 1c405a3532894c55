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
  amount: Float
  retractedAt: String
}
`;

const driver = neo4j.driver(process.env.NEO4J_URI || 'bolt://127.0.0.1:7687', neo4j.auth.basic('neo4j', 'unused'));
const schema = await new Neo4jGraphQL({ typeDefs, driver }).getSchema();

if (process.argv.includes('--print-schema')) {
  console.log(printSchema(schema));
  await driver.close();
} else {
  const server = new ApolloServer({ schema });
  const { url } = await startStandaloneServer(server, {
    listen: { host: '127.0.0.1', port: Number(process.env.PORT || 0) },
  });
  console.log(`ready ${new URL(url).port}`);
}
