import { ApiError } from '@/server/http/errors';
import { nulBytePath } from '@/server/http/nul-bytes';
import { readBytes } from '@/server/http/read-body';

/** Every auth form (sign-in, sign-up, password change and reset) fits in this many bytes. */
export const MAX_AUTH_BODY_BYTES = 64 * 1024;

/** Longest user name: it is shown beside every version and becomes the personal team's name. */
export const MAX_USER_NAME_LENGTH = 100;

/** An auth request as Better Auth will see it, and the fields it carries (for the per-account limit). */
export interface AuthRequest {
  request: Request;
  fields: Record<string, unknown>;
}

/**
 * Reads an auth request's body once, bounded (a body without a length is refused as soon as it
 * passes the limit), and hands Better Auth the same fields as JSON whatever the form was sent as:
 * JSON, form-encoded or multipart. So every check that reads the fields — the per-account sign-in
 * limit among them — sees what Better Auth acts on, and no body type slips past them.
 */
export async function readAuthRequest(request: Request): Promise<AuthRequest> {
  const bytes = await readBytes(request, MAX_AUTH_BODY_BYTES);
  const fields = bytes.byteLength ? await fieldsOf(request.headers.get('content-type') ?? '', bytes) : {};
  checkFields(fields);
  const headers = new Headers(request.headers);
  headers.set('content-type', 'application/json');
  headers.delete('content-length');
  headers.delete('transfer-encoding');
  return { request: new Request(request.url, { method: request.method, headers, body: JSON.stringify(fields) }), fields };
}

/** What the database could not store, or a name too long to show, is refused with the field it is in. */
function checkFields(fields: Record<string, unknown>): void {
  const nul = nulBytePath(fields);
  if (nul) throw new ApiError('bad_request', `The field ${nul} holds a NUL character (\\u0000), which text cannot hold.`);
  if (typeof fields.name === 'string' && fields.name.trim().length > MAX_USER_NAME_LENGTH) {
    throw new ApiError('bad_request', `The name is longer than ${MAX_USER_NAME_LENGTH} characters.`);
  }
}

async function fieldsOf(contentType: string, bytes: Uint8Array): Promise<Record<string, unknown>> {
  const type = contentType.split(';')[0]?.trim().toLowerCase() ?? '';
  if (type === 'application/json' || type === 'text/plain' || type === '') {
    const parsed = parseJson(new TextDecoder().decode(bytes));
    if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) throw notAForm();
    return parsed as Record<string, unknown>;
  }
  if (type === 'application/x-www-form-urlencoded' || type === 'multipart/form-data') {
    const form = await new Response(Buffer.from(bytes), { headers: { 'content-type': contentType } }).formData().catch(() => {
      throw notAForm();
    });
    const fields: Record<string, unknown> = {};
    for (const [key, value] of form.entries()) {
      if (typeof value !== 'string') throw new ApiError('bad_request', 'Auth forms take text fields, not files.');
      fields[key] = value;
    }
    return fields;
  }
  throw new ApiError('bad_request', `Send the form as JSON (Content-Type: application/json), not ${type}.`);
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    throw notAForm();
  }
}

function notAForm(): ApiError {
  return new ApiError('bad_request', 'The request body is not a JSON object of form fields.');
}
