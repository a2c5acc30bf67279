// Requests to the gateway. Changes carry the anti-forgery token; a 401 sends the page back to sign-in.
let csrf = { header: 'X-Aizu-CSRF', token: '' };
let onUnauthorized = () => {};

export function useSession(session, unauthorized) {
  csrf = { header: session.csrfHeader, token: session.csrfToken };
  if (unauthorized) onUnauthorized = unauthorized;
}

export class ApiError extends Error {
  constructor(status, detail) {
    super(detail || `HTTP ${status}`);
    this.status = status;
  }
}

async function check(response, path) {
  if (response.status === 401) {
    onUnauthorized();
    throw new ApiError(401, 'unauthorized');
  }
  if (!response.ok) {
    let detail = `${path}: ${response.status}`;
    try {
      const problem = await response.json();
      detail = problem.detail || problem.title || detail;
    } catch { /* not JSON */ }
    throw new ApiError(response.status, detail);
  }
  return response;
}

export async function getJson(path) {
  const response = await check(await fetch(path, { cache: 'no-store', credentials: 'same-origin' }), path);
  return response.json();
}

export async function send(method, path, body) {
  const response = await check(await fetch(path, {
    method,
    credentials: 'same-origin',
    headers: { 'Content-Type': 'application/json', [csrf.header]: csrf.token },
    body: body === undefined ? undefined : JSON.stringify(body),
  }), path);
  return response.status === 204 ? null : response.json();
}
