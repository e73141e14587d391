// Node ids exactly as the API builds them: KIND:namespace:name[:field], each part percent-encoded keeping only
// A-Z a-z 0-9 - . _ ~ (so no part contains ':'). Computing them here lets a URL name a node before any query ran.

const encodePart = (s) =>
  encodeURIComponent(s).replace(/[!'()*]/g, (c) => '%' + c.charCodeAt(0).toString(16).toUpperCase());

export function nodeId(kind, namespace, name, field = null) {
  const parts = [kind, encodePart(namespace), encodePart(name)];
  if (field !== null && field !== undefined) parts.push(encodePart(field));
  return parts.join(':');
}

/** The NodeRef (GraphQL input) an id stands for, or null if it is not one. */
export function parseNodeId(id) {
  if (!id) return null;
  const parts = id.split(':');
  const kind = parts[0];
  try {
    if ((kind === 'DATASET' || kind === 'JOB') && parts.length === 3) {
      return { kind, namespace: decodeURIComponent(parts[1]), name: decodeURIComponent(parts[2]) };
    }
    if (kind === 'FIELD' && parts.length === 4) {
      return {
        kind,
        namespace: decodeURIComponent(parts[1]),
        name: decodeURIComponent(parts[2]),
        field: decodeURIComponent(parts[3]),
      };
    }
  } catch {
    return null;
  }
  return null;
}

/** A key independent of the id encoding, for matching nodes from different answers. */
export const nodeKey = (kind, namespace, name) => `${kind}\u0000${namespace}\u0000${name}`;
