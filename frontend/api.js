// The one way the page talks to the server: JSON in and out, the CSRF header on every change, and every failure
// turned into an Error whose .problem is the server's problem document ({title, status, detail, errors}).

let csrfToken = null;
let unauthorized = () => {};

export function setCsrfToken(token) {
  csrfToken = token;
}

/** Called with the problem whenever the session has ended (401), except for the sign-in request itself. */
export function onUnauthorized(handler) {
  unauthorized = handler;
}

function cookie(name) {
  const found = document.cookie.split('; ').find(c => c.startsWith(name + '='));
  return found ? decodeURIComponent(found.slice(name.length + 1)) : null;
}

export class ApiError extends Error {
  constructor(problem) {
    super(problem.detail);
    this.problem = problem;
    this.status = problem.status;
  }
}

async function readProblem(response) {
  let body = null;
  try {
    body = await response.json();
  } catch {
    // Not JSON (a proxy's HTML page, say): the status alone must do.
  }
  const problem = body && typeof body === 'object' ? body : {};
  return {
    type: problem.type,
    title: problem.title || response.statusText,
    status: response.status,
    // Micronaut's own errors (e.g. an unknown path) say "message" instead of "detail".
    detail: problem.detail || problem.message || problem.title
      || `The server answered ${response.status} ${response.statusText}.`.replace(' .', '.'),
    errors: Array.isArray(problem.errors) ? problem.errors : [],
  };
}

/**
 * Sends a request; body is JSON-encoded unless a contentType is given (then it is sent as it is).
 * Resolves to the parsed JSON, or null for 204.
 */
export async function request(method, path, body, contentType) {
  const headers = { Accept: 'application/json, application/problem+json' };
  if (method !== 'GET') {
    headers['X-XSRF-TOKEN'] = csrfToken || cookie('XSRF-TOKEN') || '';
  }
  let payload;
  if (body !== undefined) {
    headers['Content-Type'] = contentType || 'application/json';
    payload = contentType ? body : JSON.stringify(body);
  }
  let response;
  try {
    response = await fetch(path, { method, headers, body: payload, credentials: 'same-origin' });
  } catch {
    throw new ApiError({ status: 0, title: 'No connection',
      detail: 'The server could not be reached. Check your connection and try again.', errors: [] });
  }
  if (!response.ok) {
    const problem = await readProblem(response);
    if (response.status === 401 && !path.startsWith('/api/auth/')) {
      unauthorized(problem);
    }
    throw new ApiError(problem);
  }
  if (response.status === 204) {
    return null;
  }
  const type = response.headers.get('Content-Type') || '';
  return type.includes('json') ? response.json() : response.text();
}

export const get = path => request('GET', path);
export const post = (path, body, contentType) => request('POST', path, body, contentType);
export const put = (path, body) => request('PUT', path, body);
export const del = path => request('DELETE', path);

/** The problem to show for any thrown value, so that a bug in the page is still reported rather than lost. */
export function problemOf(error) {
  return error && error.problem
    ? error.problem
    : { status: 0, title: 'Error', detail: `Something went wrong in the page: ${error && error.message}`, errors: [] };
}
