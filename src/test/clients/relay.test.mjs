// Relay, as a front-end team uses it: the Relay compiler compiles a @refetchable fragment against the
// committed contract (graphql/schema.graphql), and the Relay runtime runs the generated queries against
// the running server at DEALGRAPH_URL, the refetch through node(id:).
// Run by io.dealgraph.clients.FrontEndClientTests; by hand:
//   DEALGRAPH_URL=http://localhost:8080 DEALGRAPH_SCHEMA=$PWD/../../../graphql/schema.graphql node --test relay.test.mjs
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import RelayRuntime from 'relay-runtime';

const { Environment, Network, RecordSource, Store, fetchQuery } = RelayRuntime;

const base = process.env.DEALGRAPH_URL;
const schema = process.env.DEALGRAPH_SCHEMA;
assert.ok(base, 'DEALGRAPH_URL names the running server, e.g. http://localhost:8080');
assert.ok(schema, 'DEALGRAPH_SCHEMA names the committed contract, graphql/schema.graphql');

// A component's fragment, refetchable by the id of the organization it shows, and the query that
// first shows it: what a Relay app writes.
const component = `
import { graphql } from 'relay-runtime';

export const card = graphql\`
  fragment OrganizationCard_organization on Organization
  @refetchable(queryName: "OrganizationCardRefetchQuery") {
    id
    key
    name
    financiersConnection(first: 3) {
      totalCount
      edges { node { id name } }
    }
  }
\`;

export const page = graphql\`
  query OrganizationCardQuery {
    organization(id: "hut-8") { ...OrganizationCard_organization }
  }
\`;
`;

/** Compiles the component with the Relay compiler; its two generated queries. */
function compile() {
  const project = mkdtempSync(join(tmpdir(), 'dealgraph-relay-'));
  mkdirSync(join(project, 'src', '__generated__'), { recursive: true });
  writeFileSync(join(project, 'src', 'OrganizationCard.js'), component);
  writeFileSync(join(project, 'relay.config.json'), JSON.stringify({
    src: './src',
    schema,
    language: 'javascript',
    artifactDirectory: './src/__generated__',
    eagerEsModules: false,
  }));
  const compiler = join(process.cwd(), 'node_modules', 'relay-compiler', 'cli.js');
  // Fails, and so fails the test, on anything in the fragment that the contract does not allow.
  execFileSync(process.execPath, [compiler], { cwd: project, stdio: 'pipe' });
  const require = createRequire(join(project, 'src', '__generated__', 'index.js'));
  const artifacts = {
    page: require('./OrganizationCardQuery.graphql.js'),
    refetch: require('./OrganizationCardRefetchQuery.graphql.js'),
  };
  rmSync(project, { recursive: true, force: true });
  return artifacts;
}

test('the Relay compiler compiles a @refetchable fragment against the contract, and the refetch runs through node(id:)', async () => {
  const { page, refetch } = compile();
  assert.match(refetch.params.text, /node\(id: \$id\)/, 'Relay refetches a Node by its id');

  const sent = [];
  const received = [];
  const environment = new Environment({
    network: Network.create(async (params, variables) => {
      sent.push({ name: params.name, variables });
      const response = await fetch(`${base}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'application/json' },
        body: JSON.stringify({ query: params.text, variables }),
      });
      const body = await response.json();
      assert.equal(body.errors, undefined, JSON.stringify(body.errors));
      received.push(body.data);
      return body;
    }),
    store: new Store(new RecordSource()),
  });

  await fetchQuery(environment, page, {}).toPromise();
  const records = () => environment.getStore().getSource();
  const shown = records().get('Organization:hut-8');
  assert.ok(shown, 'the store keys the organization by its global id');
  assert.equal(shown.key, 'hut-8');
  assert.equal(shown.name, 'Hut 8');

  await fetchQuery(environment, refetch, { id: shown.id }).toPromise();
  assert.equal(sent.at(-1).name, 'OrganizationCardRefetchQuery');
  assert.deepEqual(sent.at(-1).variables, { id: 'Organization:hut-8' });
  const { node } = received.at(-1);
  assert.equal(node.__typename, 'Miner');
  assert.equal(node.id, 'Organization:hut-8');
  assert.equal(node.name, 'Hut 8');
  assert.ok(node.financiersConnection.totalCount >= node.financiersConnection.edges.length);
  assert.ok(node.financiersConnection.edges.every((edge) => edge.node.id.startsWith('Organization:')));
  // The refetched node landed on the same record: one organization in the store, not two.
  assert.equal(records().getRecordIDs().filter((id) => id.endsWith(':hut-8')).length, 1);
});
