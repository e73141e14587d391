// The UI's only way to the backend: POST /graphql. Errors (HTTP or GraphQL) become one exception with the
// server's messages, so every view can show them as they are. Where reads are protected, a 401 asks for the read key
// (read-key.js) and the request is sent again with it.
import { readKey, forgetReadKey, askForReadKey } from './read-key.js';

export class GraphQLError extends Error {
  constructor(message, errors = [], data = null) {
    super(message);
    this.errors = errors;
    this.data = data;
  }
}

export async function gql(query, variables = {}, { signal } = {}) {
  let response = await post(query, variables, signal, readKey());
  while (response.status === 401) {
    const refused = readKey();
    if (refused) forgetReadKey();
    const key = await askForReadKey(Boolean(refused));
    if (signal?.aborted) throw new DOMException('superseded', 'AbortError');
    response = await post(query, variables, signal, key);
  }
  let body;
  try {
    body = await response.json();
  } catch {
    throw new GraphQLError(`The server answered HTTP ${response.status} without a GraphQL response`);
  }
  if (body.errors && body.errors.length) {
    // Aliased fields (the graph asks upstream and downstream at once) can fail with the same message twice.
    throw new GraphQLError([...new Set(body.errors.map((e) => e.message))].join('; '), body.errors, body.data);
  }
  if (!response.ok) throw new GraphQLError(`The server answered HTTP ${response.status}`);
  return body.data;
}

async function post(query, variables, signal, key) {
  const headers = { 'Content-Type': 'application/json', Accept: 'application/graphql-response+json, application/json' };
  if (key) headers.Authorization = `Bearer ${key}`;
  try {
    return await fetch('/graphql', { method: 'POST', headers, body: JSON.stringify({ query, variables }), signal });
  } catch (e) {
    if (e.name === 'AbortError') throw e;
    throw new GraphQLError(`Cannot reach the server: ${e.message}`);
  }
}

/** True for the AbortError a superseded request ends with: nothing to show. */
export function isAbort(e) {
  return e && e.name === 'AbortError';
}
