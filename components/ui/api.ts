/** Result of a call to the NetCanvas API from the browser: the data, or the error contract's fields. */
export type ApiResult<T> =
  | { ok: true; status: number; data: T }
  | { ok: false; status: number; code: string; message: string; details?: unknown };

/** Calls the API with the session cookie; never throws, so every failure can be shown in words. */
export async function api<T = unknown>(method: string, url: string, body?: unknown): Promise<ApiResult<T>> {
  let response: Response;
  try {
    response = await fetch(url, {
      method,
      headers: body === undefined ? undefined : { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch {
    return { ok: false, status: 0, code: 'network', message: 'Could not reach the server. Check your connection and try again.' };
  }
  const text = await response.text();
  let json: unknown = null;
  try {
    json = text ? JSON.parse(text) : null;
  } catch {
    json = null;
  }
  if (response.ok) return { ok: true, status: response.status, data: json as T };
  const error = (json as { error?: { code: string; message: string; details?: unknown } } | null)?.error;
  return {
    ok: false,
    status: response.status,
    code: error?.code ?? 'internal',
    message: error?.message ?? `The server answered ${response.status}.`,
    details: error?.details,
  };
}
