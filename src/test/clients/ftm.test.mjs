// The FollowTheMoney export checked against the FollowTheMoney model itself, from the
// @alephdata/followthemoney package that Aleph's front-end uses: every entity's schema exists and is
// concrete, its required properties are there, every property belongs to the schema, every value fits
// its property's type, and every reference resolves to an entity of the range the property names.
// Run by io.dealgraph.clients.FrontEndClientTests; by hand: DEALGRAPH_URL=http://localhost:8080 node --test ftm.test.mjs
import { test } from 'node:test';
import assert from 'node:assert/strict';

import followTheMoney from '@alephdata/followthemoney';

const { Model, defaultModel } = followTheMoney;
const base = process.env.DEALGRAPH_URL;
assert.ok(base, 'DEALGRAPH_URL names the running server, e.g. http://localhost:8080');

const model = new Model(defaultModel);

/** The keys of up to 50 organizations, the most the export takes as centres. */
async function someOrganizations() {
  const response = await fetch(`${base}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json' },
    body: JSON.stringify({ query: '{ organizations(first: 50) { edges { node { key } } } }' }),
  });
  const body = await response.json();
  return body.data.organizations.edges.map((edge) => edge.node.key);
}

/** Whether one value fits a property's type, as FollowTheMoney defines the type. */
function fits(property, value, byId) {
  const type = property.type.name;
  switch (type) {
    case 'entity': {
      const target = byId.get(value);
      return target !== undefined && model.getSchema(target.schema).isA(property.range);
    }
    case 'date':
      return /^\d{4}(-\d{2}(-\d{2})?)?$/.test(value);
    case 'country':
      return model.getType('country').values.has(value);
    case 'number':
      return value.trim() !== '' && !Number.isNaN(Number(value));
    case 'url':
      return /^https?:\/\/\S+$/.test(value);
    default:
      return typeof value === 'string' && value.trim() !== '';
  }
}

/** What breaks the model in a list of entities: one line per problem, none when all fit. */
function problemsOf(entities, byId) {
  const problems = [];
  for (const entity of entities) {
    if (!(entity.schema in defaultModel.schemata)) {
      problems.push(`${entity.id}: no schema ${entity.schema}`);
      continue;
    }
    const schema = model.getSchema(entity.schema);
    if (schema.abstract) problems.push(`${entity.id}: ${schema.name} is abstract`);
    const properties = schema.getProperties();
    for (const required of schema.required) {
      if (!(entity.properties[required] || []).length) problems.push(`${entity.id}: ${schema.name} needs ${required}`);
    }
    for (const [name, values] of Object.entries(entity.properties)) {
      const property = properties.get(name);
      if (!property) {
        problems.push(`${entity.id}: ${schema.name} has no property ${name}`);
        continue;
      }
      if (!Array.isArray(values) || values.length === 0) problems.push(`${entity.id}: ${name} is no list of values`);
      for (const value of values) {
        if (!fits(property, value, byId)) problems.push(`${entity.id}: ${name} = ${JSON.stringify(value)} is no ${property.type.name}${property.range ? ` of ${property.range}` : ''}`);
      }
    }
  }
  return problems;
}

test('every entity of the FollowTheMoney export fits the FollowTheMoney model', async () => {
  const around = (await someOrganizations()).map((key) => `around=${encodeURIComponent(key)}`).join('&');
  const response = await fetch(`${base}/export/network?${around}&depth=1&format=ftm`);
  assert.equal(response.status, 200);
  assert.match(response.headers.get('content-type'), /^application\/x-ndjson/);
  assert.match(response.headers.get('link'), /creativecommons\.org\/licenses\/by\/4\.0\/>; rel="license"/);
  const entities = (await response.text()).split('\n').filter((line) => line.trim() !== '').map((line) => JSON.parse(line));
  assert.ok(entities.length > 100, `a network of many entities (${entities.length})`);
  const byId = new Map(entities.map((entity) => [entity.id, entity]));
  assert.equal(byId.size, entities.length, 'no id twice');
  assert.deepEqual(problemsOf(entities, byId), []);

  const schemata = new Set(entities.map((entity) => entity.schema));
  for (const expected of ['Company', 'Ownership', 'Debt', 'Payment', 'UnknownLink']) {
    assert.ok(schemata.has(expected), `the export holds ${expected} entities (it holds ${[...schemata]})`);
  }
  const deals = entities.filter((entity) => entity.id.startsWith('dealgraph-deal-'));
  assert.ok(deals.every((deal) => (deal.properties.sourceUrl || deal.properties.publisher || []).length > 0 || deal.properties.description),
    'every deal carries where it comes from');
});

test('the dump of the whole graph fits the FollowTheMoney model, every reference inside the file', async () => {
  const response = await fetch(`${base}/dump/dealgraph.ftm.json`);
  assert.equal(response.status, 200);
  assert.match(response.headers.get('content-type'), /^application\/x-ndjson/);
  assert.match(response.headers.get('link'), /creativecommons\.org\/licenses\/by\/4\.0\/>; rel="license"/);
  const entities = (await response.text()).split('\n').filter((line) => line.trim() !== '').map((line) => JSON.parse(line));
  const byId = new Map(entities.map((entity) => [entity.id, entity]));
  assert.equal(byId.size, entities.length, 'no id twice');
  assert.deepEqual(problemsOf(entities, byId), []);
  const organizations = entities.filter((entity) => entity.id.startsWith('dealgraph-organization-'));
  assert.ok(organizations.length >= 80, `every organization of the seed (${organizations.length})`);
});
