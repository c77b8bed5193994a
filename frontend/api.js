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

/**
 * The problem document of a refused request, whichever way it was read: a missing or non-JSON body (a proxy's HTML
 * page, say) leaves the status alone to speak.
 */
function problemFrom(status, statusText, body) {
  const problem = body && typeof body === 'object' ? body : {};
  return {
    type: problem.type,
    title: problem.title || statusText,
    status,
    // Micronaut's own errors (e.g. an unknown path) say "message" instead of "detail".
    detail: problem.detail || problem.message || problem.title
      || `The server answered ${status} ${statusText}.`.replace(' .', '.'),
    // "errors" is what this API sends; "violations" is the other common name, taken too so that no check is lost.
    errors: Array.isArray(problem.errors) ? problem.errors : Array.isArray(problem.violations) ? problem.violations : [],
  };
}

async function readProblem(response) {
  let body = null;
  try {
    body = await response.json();
  } catch {
    // Not JSON: problemFrom makes do with the status.
  }
  return problemFrom(response.status, response.statusText, body);
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

/**
 * Sends a multipart form with XMLHttpRequest rather than fetch, because only it reports upload progress:
 * onProgress(fraction 0…1) while the body goes out, onSent() once it is all out and the server is judging it.
 * Resolves to the parsed JSON; rejects like request() does (an ApiError with .problem), with status 0 and
 * .aborted when signal aborts it. A body that stops going out for stallMs is given up: a server that refuses a
 * request while it is still arriving may stop reading it without closing the connection, and the browser would
 * wait for ever.
 */
export function upload(path, formData, { onProgress = () => {}, onSent = () => {}, signal, stallMs = 30_000 } = {}) {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    let stalled = false;
    let watchdog = null;
    const watch = () => {
      clearTimeout(watchdog);
      watchdog = setTimeout(() => { stalled = true; xhr.abort(); }, stallMs);
    };
    const stopWatching = () => clearTimeout(watchdog);
    xhr.open('POST', path);
    xhr.withCredentials = true;
    xhr.setRequestHeader('Accept', 'application/json, application/problem+json');
    xhr.setRequestHeader('X-XSRF-TOKEN', csrfToken || cookie('XSRF-TOKEN') || '');
    xhr.upload.onprogress = e => {
      watch();
      if (e.lengthComputable && e.total > 0) {
        onProgress(e.loaded / e.total);
      }
    };
    xhr.upload.onload = () => {
      stopWatching();
      onSent();
    };
    xhr.onloadend = stopWatching;
    xhr.onload = () => {
      let body = null;
      try {
        body = xhr.responseText ? JSON.parse(xhr.responseText) : null;
      } catch {
        // Not JSON: the status alone must do.
      }
      if (xhr.status >= 200 && xhr.status < 300) {
        resolve(body);
        return;
      }
      const problem = problemFrom(xhr.status, xhr.statusText, body);
      if (xhr.status === 413) {
        problem.detail = 'The upload is too large.';
      }
      const error = new ApiError(problem);
      if (xhr.status === 401) {
        unauthorized(error.problem);
      }
      reject(error);
    };
    xhr.onerror = () => reject(new ApiError({ status: 0, title: 'No connection',
      detail: 'The upload did not reach the server. Check your connection and try again.', errors: [] }));
    xhr.onabort = () => {
      if (stalled) {
        reject(new ApiError({ status: 0, title: 'Upload stalled', errors: [],
          detail: 'The upload stopped going through, and nothing was handed in. The file may be too large for the server; '
            + 'otherwise check your connection and try again.' }));
        return;
      }
      const error = new ApiError({ status: 0, title: 'Cancelled', detail: 'The upload was cancelled.', errors: [] });
      error.aborted = true;
      reject(error);
    };
    if (signal) {
      if (signal.aborted) {
        xhr.onabort();
        return;
      }
      signal.addEventListener('abort', () => xhr.abort(), { once: true });
    }
    xhr.send(formData);
    watch();
  });
}
