/** A signed-in browser, as far as the benchmark needs one: its cookies and CSRF token. */
export interface Session {
  cookie: string;
  csrfToken: string;
}

const cookiesOf = (response: Response) =>
  response.headers
    .getSetCookie()
    .map((line) => line.split(";")[0] ?? "")
    .filter((pair) => pair.includes("=") && !pair.endsWith("="));

/** The CSRF cookie and token a browser holds before it signs in (sign-in needs them). */
export async function anonymousSession(baseUrl: string): Promise<Session> {
  const response = await fetch(`${baseUrl}/api/v1/auth/session`);
  const body = (await response.json()) as { csrfToken: string };
  return { cookie: cookiesOf(response).join("; "), csrfToken: body.csrfToken };
}

export async function signIn(baseUrl: string, email: string, password: string): Promise<Session> {
  const anonymous = await anonymousSession(baseUrl);
  const response = await fetch(`${baseUrl}/api/v1/auth/login`, {
    method: "POST",
    headers: { "content-type": "application/json", cookie: anonymous.cookie, "x-csrf-token": anonymous.csrfToken },
    body: JSON.stringify({ email, password }),
  });
  if (response.status !== 204) throw new Error(`sign-in as ${email}: ${response.status} ${await response.text()}`);
  const cookie = cookiesOf(response).join("; ");
  const session = await fetch(`${baseUrl}/api/v1/auth/session`, { headers: { cookie } });
  const body = (await session.json()) as { csrfToken: string };
  return { cookie, csrfToken: body.csrfToken };
}

export async function getJson<T>(baseUrl: string, session: Session, path: string): Promise<T> {
  const response = await fetch(`${baseUrl}${path}`, { headers: { cookie: session.cookie } });
  if (response.status !== 200) throw new Error(`GET ${path}: ${response.status} ${await response.text()}`);
  return (await response.json()) as T;
}
