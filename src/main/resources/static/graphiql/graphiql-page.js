// Starts GraphiQL against this host's /graphql, with one tab per example document.
// Subscriptions (dealRecorded) go over GraphQL-over-WebSocket on the same path.
(async function startGraphiQL() {
  const container = document.getElementById('graphiql');
  let examples = [];
  try {
    const response = await fetch('/graphiql/examples');
    if (response.ok) {
      examples = await response.json();
    }
  } catch (error) {
    // GraphiQL still works without the examples; say so instead of failing silently.
    console.warn('Could not load the example documents', error);
  }
  const webSocketScheme = location.protocol === 'https:' ? 'wss:' : 'ws:';
  const fetcher = GraphiQL.createFetcher({
    url: location.origin + '/graphql',
    subscriptionUrl: webSocketScheme + '//' + location.host + '/graphql',
  });
  container.removeAttribute('aria-busy');
  ReactDOM.createRoot(container).render(
    React.createElement(GraphiQL, {
      fetcher,
      defaultTabs: examples.map((example) => ({ query: example.document })),
      defaultEditorToolsVisibility: true,
    }),
  );
})();
