// GraphiQL at /graphiql, on the build's own copy of GraphiQL and React (the UMD builds in /vendor, loaded by
// graphiql.html before this module runs). Where reads are protected, queries carry the read key the web UI keeps for
// this tab (read-key.js), and a 401 asks for it: the key stays out of GraphiQL's header editor, which GraphiQL would
// persist in localStorage.
import { readKey, forgetReadKey, askForReadKey } from './read-key.js';

const DEFAULT_QUERY = `# Tributary's GraphQL API: the schema is in the documentation explorer (the book icon).
{
  namespaces { name jobCount datasetCount runCount }
  runs(first: 5) { edges { node { id state startedAt job { namespace name } } } }
}
`;

async function fetchWithReadKey(url, init) {
  const send = (key) => {
    const headers = new Headers(init?.headers);
    if (key) headers.set('Authorization', `Bearer ${key}`);
    return fetch(url, { ...init, headers });
  };
  let response = await send(readKey());
  while (response.status === 401) {
    const refused = readKey();
    if (refused) forgetReadKey();
    response = await send(await askForReadKey(Boolean(refused)));
  }
  return response;
}

const { GraphiQL, React, ReactDOM } = window;
const fetcher = GraphiQL.createFetcher({ url: '/graphql', fetch: fetchWithReadKey });
ReactDOM.createRoot(document.getElementById('graphiql')).render(
  React.createElement(GraphiQL, { fetcher, defaultQuery: DEFAULT_QUERY, defaultEditorToolsVisibility: true }),
);
