// The UI's only way to the backend: POST /graphql. Errors (HTTP or GraphQL) become one exception with the
// server's messages, so every view can show them as they are.

export class GraphQLError extends Error {
  constructor(message, errors = [], data = null) {
    super(message);
    this.errors = errors;
    this.data = data;
  }
}

export async function gql(query, variables = {}, { signal } = {}) {
  let response;
  try {
    response = await fetch('/graphql', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Accept: 'application/graphql-response+json, application/json' },
      body: JSON.stringify({ query, variables }),
      signal,
    });
  } catch (e) {
    if (e.name === 'AbortError') throw e;
    throw new GraphQLError(`Cannot reach the server: ${e.message}`);
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

/** True for the AbortError a superseded request ends with: nothing to show. */
export function isAbort(e) {
  return e && e.name === 'AbortError';
}
