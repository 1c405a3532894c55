// Apollo Client, as a front-end team uses it, against the running server at DEALGRAPH_URL.
// Run by io.dealgraph.clients.FrontEndClientTests; by hand: DEALGRAPH_URL=http://localhost:8080 npm test
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash, randomUUID } from 'node:crypto';

import { ApolloClient, HttpLink, InMemoryCache, gql } from '@apollo/client';
import { PersistedQueryLink } from '@apollo/client/link/persisted-queries';
import { relayStylePagination } from '@apollo/client/utilities';

const base = process.env.DEALGRAPH_URL;
assert.ok(base, 'DEALGRAPH_URL names the running server, e.g. http://localhost:8080');

/** An Apollo client whose every request body is recorded in `sent`. */
function apollo({ sent = [], persisted = false, possibleTypes, typePolicies } = {}) {
  const recordingFetch = async (url, init) => {
    sent.push(JSON.parse(init.body));
    return fetch(url, init);
  };
  const http = new HttpLink({ uri: `${base}/graphql`, fetch: recordingFetch });
  const link = persisted
    ? new PersistedQueryLink({ sha256: (text) => createHash('sha256').update(text).digest('hex') }).concat(http)
    : http;
  return new ApolloClient({ link, cache: new InMemoryCache({ possibleTypes, typePolicies }) });
}

async function servedPossibleTypes() {
  const response = await fetch(`${base}/graphql/possible-types`);
  assert.equal(response.status, 200);
  return response.json();
}

test('a query runs through automatic persisted queries, by its hash alone once the server knows it', async () => {
  // A name of its own, so that no earlier run has registered this document.
  const name = `ApqProbe_${randomUUID().replaceAll('-', '')}`;
  const query = gql(`query ${name} { organization(id: "hut-8") { id name country } }`);

  const firstCalls = [];
  const first = await apollo({ sent: firstCalls, persisted: true }).query({ query });
  assert.equal(first.data.organization.name, 'Hut 8');
  assert.equal(firstCalls.length, 2, 'the hash alone, answered PERSISTED_QUERY_NOT_FOUND, then the text with it');
  assert.equal(firstCalls[0].query, undefined);
  assert.match(firstCalls[0].extensions.persistedQuery.sha256Hash, /^[0-9a-f]{64}$/);
  assert.ok(firstCalls[1].query.includes(name));

  // Another client, as after a page reload: one request, with no text.
  const secondCalls = [];
  const second = await apollo({ sent: secondCalls, persisted: true }).query({ query });
  assert.equal(secondCalls.length, 1);
  assert.equal(secondCalls[0].query, undefined);
  assert.equal(secondCalls[0].extensions.persistedQuery.sha256Hash, firstCalls[0].extensions.persistedQuery.sha256Hash);
  assert.deepEqual(second.data, first.data);
});

test("InMemoryCache matches fragments on the schema's interfaces with the served possibleTypes", async () => {
  const possibleTypes = await servedPossibleTypes();
  assert.ok(possibleTypes.Organization.includes('Miner'));
  assert.ok(possibleTypes.Deal.includes('Financing'));

  const named = gql`
    fragment NamedOrganization on Organization {
      name
      country
    }
  `;
  const query = gql`
    query CachedThroughInterfaces {
      organization(id: "hut-8") {
        id
        ...NamedOrganization
      }
    }
    ${named}
  `;
  const client = apollo({ possibleTypes });
  const { data } = await client.query({ query });
  assert.equal(data.organization.__typename, 'Miner');
  const cached = client.readFragment({ id: client.cache.identify(data.organization), fragment: named });
  assert.equal(cached.name, 'Hut 8');
  assert.equal(cached.country, data.organization.country);
  // Read again from the cache alone: the interface's fragment is complete there.
  assert.deepEqual(client.readQuery({ query }), data);

  // The control: without possibleTypes the cache cannot tell that a Miner is an Organization, drops the
  // fragment's fields: the cached organization has no name.
  const bare = apollo({});
  await bare.query({ query });
  assert.deepEqual(bare.readQuery({ query }).organization, { __typename: 'Miner', id: 'Organization:hut-8' });
});

test('relayStylePagination walks a connection forward to its end, then backward from its end, alike', async () => {
  const query = gql`
    query MinersPage($first: Int, $after: String, $last: Int, $before: String) {
      organizations(where: { kind: MINER }, first: $first, after: $after, last: $last, before: $before) {
        totalCount
        edges {
          cursor
          node {
            id
            name
          }
        }
        pageInfo {
          hasNextPage
          hasPreviousPage
          startCursor
          endCursor
        }
      }
    }
  `;
  const paged = () =>
    apollo({ typePolicies: { Query: { fields: { organizations: relayStylePagination(['where']) } } } });

  const forward = paged();
  let { data } = await forward.query({ query, variables: { first: 3 } });
  const total = data.organizations.totalCount;
  assert.ok(total > 3, `more miners than one page (${total})`);
  while (data.organizations.pageInfo.hasNextPage) {
    ({ data } = await forward.query({
      query,
      variables: { first: 3, after: data.organizations.pageInfo.endCursor },
      fetchPolicy: 'network-only',
    }));
  }
  const forwardIds = forward.readQuery({ query, variables: { first: 3 } }).organizations.edges.map((e) => e.node.id);
  assert.equal(forwardIds.length, total);
  assert.equal(new Set(forwardIds).size, total, 'no organization twice');

  const backward = paged();
  ({ data } = await backward.query({ query, variables: { last: 3 } }));
  assert.equal(data.organizations.pageInfo.hasNextPage, false);
  while (data.organizations.pageInfo.hasPreviousPage) {
    ({ data } = await backward.query({
      query,
      variables: { last: 3, before: data.organizations.pageInfo.startCursor },
      fetchPolicy: 'network-only',
    }));
  }
  const backwardIds = backward.readQuery({ query, variables: { last: 3 } }).organizations.edges.map((e) => e.node.id);
  assert.deepEqual(backwardIds, forwardIds);
});

test('an organization read through node(id:) is the cache entry that organization(id:) made', async () => {
  const possibleTypes = await servedPossibleTypes();
  for (const type of ['Miner', 'Financing', 'Site', 'Change']) {
    assert.ok(possibleTypes.Node.includes(type), `${type} is a Node`);
  }
  const client = apollo({ possibleTypes });
  const direct = gql`
    query Direct {
      organization(id: "hut-8") {
        id
        name
      }
    }
  `;
  const byNode = gql`
    query ByNode($id: ID!) {
      node(id: $id) {
        id
        ... on Organization {
          country
        }
      }
    }
  `;
  const { data } = await client.query({ query: direct });
  assert.equal(data.organization.id, 'Organization:hut-8');
  await client.query({ query: byNode, variables: { id: data.organization.id } });
  const cached = client.cache.extract();
  const entries = Object.keys(cached).filter((key) => key.endsWith('hut-8'));
  assert.deepEqual(entries, ['Miner:Organization:hut-8'], 'one entry, keyed by type and global id');
  assert.equal(cached[entries[0]].name, 'Hut 8');
  assert.ok('country' in cached[entries[0]], 'the node query filled in the same entry');
});
