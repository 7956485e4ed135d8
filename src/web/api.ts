/** The one way the web app talks to the API: CSRF header, JSON, and problems as values. */

export interface Problem {
  status: number;
  code: string;
  title: string;
  errors?: Record<string, string>;
  [key: string]: unknown;
}

export class ApiError extends Error {
  constructor(readonly problem: Problem) {
    super(problem.title);
  }
  get status() {
    return this.problem.status;
  }
  get fieldErrors(): Record<string, string> {
    return this.problem.errors ?? {};
  }
}

let csrfToken = "";
export const setCsrfToken = (token: string) => {
  csrfToken = token;
};

let language = "nl";
export const setApiLanguage = (lang: string) => {
  language = lang;
};

type Options = { method?: string; body?: unknown; form?: FormData; signal?: AbortSignal };

/** Sends a request with the CSRF header and the language; a problem answer is thrown as an ApiError. */
async function send(path: string, options: Options): Promise<Response> {
  const method = options.method ?? (options.body !== undefined || options.form ? "POST" : "GET");
  const headers: Record<string, string> = { "accept-language": language };
  if (method !== "GET") headers["x-csrf-token"] = csrfToken;
  let body: BodyInit | undefined;
  if (options.form) body = options.form;
  else if (options.body !== undefined) {
    headers["content-type"] = "application/json";
    body = JSON.stringify(options.body);
  }
  const response = await fetch(`/api/v1${path}`, {
    method,
    headers,
    body,
    signal: options.signal,
    credentials: "same-origin",
  });
  if (!response.ok) {
    const isJson = (response.headers.get("content-type") ?? "").includes("json");
    const data = isJson ? await response.json() : await response.text();
    const problem: Problem =
      isJson && typeof data === "object"
        ? (data as Problem)
        : { status: response.status, code: "problem.internal", title: String(data).slice(0, 200) };
    throw new ApiError(problem);
  }
  return response;
}

export async function api<T = unknown>(path: string, options: Options = {}): Promise<T> {
  const response = await send(path, options);
  if (response.status === 204 || response.status === 202) return null as T;
  const isJson = (response.headers.get("content-type") ?? "").includes("json");
  return (isJson ? await response.json() : await response.text()) as T;
}

/**
 * A file the API makes on a POST (an export produced on request), saved as the server names it.
 * A file read by GET is a plain link instead.
 */
export async function download(path: string, options: Options = {}): Promise<void> {
  const response = await send(path, options);
  const disposition = response.headers.get("content-disposition") ?? "";
  const name = /filename="([^"]+)"/.exec(disposition)?.[1] ?? "download";
  const url = URL.createObjectURL(await response.blob());
  const link = document.createElement("a");
  link.href = url;
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 0);
}
