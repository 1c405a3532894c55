// Talking to the API: the explorer's operations are in explorer.graphql, one document, fetched
// once and sent with the name of the operation to run. Each operation the explorer runs has its
// function here, so the rest of the page deals in organizations and deals, not in query answers.

let documents = null;

function loadDocuments() {
  if (!documents) {
    documents = fetch('/explorer/explorer.graphql').then((response) => {
      if (!response.ok) {
        throw new Error(`The explorer's queries cannot be loaded (HTTP ${response.status}).`);
      }
      return response.text();
    });
    // A failed load is tried again on the next operation.
    documents.catch(() => { documents = null; });
  }
  return documents;
}

/**
 * Runs the operation `operationName` of explorer.graphql; throws an Error carrying the API's
 * message and code.
 */
export async function graphQl(operationName, variables) {
  let response;
  try {
    const query = await loadDocuments();
    response = await fetch('/graphql', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
      body: JSON.stringify({ query, operationName, variables }),
    });
  } catch (error) {
    throw new Error('The API cannot be reached. Is the server running?');
  }
  let body;
  try {
    body = await response.json();
  } catch (error) {
    throw new Error(`The API answered HTTP ${response.status} without a GraphQL body.`);
  }
  if (body.errors && body.errors.length > 0) {
    const first = body.errors[0];
    const code = first.extensions && first.extensions.code ? ` (${first.extensions.code})` : '';
    throw new Error(first.message + code);
  }
  return body.data;
}

/** The depth-1 network around the organization `around`, under the filters `f`. */
export async function networkAround(around, f) {
  const data = await graphQl('ExplorerNetwork', { around, ...f });
  if (!data.network) {
    throw new Error(`No organization has the id '${around}'.`);
  }
  return data.network;
}

/** The shortest paths between two organizations ({ paths, truncated }), under the filters `f`. */
export async function pathsBetween(fromId, toId, f) {
  const data = await graphQl('ExplorerPaths', {
    from: fromId, to: toId, dealTypes: f.dealTypes, asOf: f.asOf, minConfidence: f.minConfidence,
  });
  return data.pathsBetween;
}

/** The organizations whose name or alias matches `text`, best first. */
export async function organizationsMatching(text) {
  const data = await graphQl('ExplorerSearch', { text });
  return data.search;
}

/** The organization with the id `id`, or null. */
export async function organizationById(id) {
  const data = await graphQl('ExplorerOrganization', { id });
  return data.organization;
}
