/**
 * An SMAX session: log in for a token (not in the API documents; see docs/vendor-apis.md), send it as the cookie
 * `SMAX_AUTH_TOKEN` with `TENANTID` on every call, and log in again once when a call answers 401 (tokens expire
 * after about an hour). Source and target each have their own session.
 */
import type { AuthProvider } from '../../auth/index.js';
import { ApiError } from '../../errors.js';
import { isRecord } from '../../http/body.js';
import { describeHtml, isHtml } from '../../html.js';
import { ApiClient } from '../../http/client.js';
import type { ApiResponse } from '../../http/request.js';
import type { Runtime } from '../../runtime.js';

export interface SmaxTenant {
  /** Server address, e.g. https://smax.example.com */
  url: string;
  tenantId: string;
  username: string;
  password: string;
  /** The input that holds `url` (source-url or target-url), named when its host cannot be reached. */
  urlInput?: string;
}

/** SMAX error bodies are not documented; these are the shapes its services use. */
export function readSmaxMessage(body: unknown): string | undefined {
  if (!isRecord(body)) return undefined;
  for (const key of ['message', 'errorMessage', 'error_description', 'error', 'Message']) {
    const value = body[key];
    if (typeof value === 'string' && value) return value;
    if (isRecord(value) && typeof value.message === 'string') return value.message;
  }
  return undefined;
}

const LOGIN_PATH = '/auth/authentication-endpoint/authenticate/token';
/** Real tokens are a few hundred characters to a few KB; anything far longer is not one. */
const MAX_TOKEN_CHARS = 16_384;
/** What a cookie value may hold: printable ASCII without space, quote, comma, semicolon or backslash. */
const TOKEN_CHARS = /^[\x21\x23-\x2b\x2d-\x3a\x3c-\x5b\x5d-\x7e]+$/;
const URL_HINT = 'Check source-url/target-url: they must be the SMAX server address';

/**
 * The token in a login answer, which is the whole body. A single sign-on page or any other text is not one: it
 * would otherwise become the cookie of every later call.
 */
function loginToken(response: ApiResponse, url: string): string {
  const fail = (vendorMessage: string, hint: string, kind: 'html' | 'unexpected') =>
    new ApiError({ method: 'POST', url, status: response.status, vendorMessage, hint, kind });
  const text = response.text.trim();
  const contentType = response.headers['content-type'];
  if (isHtml(contentType, text)) {
    throw fail(
      `the login answered ${describeHtml(text).replace(/ instead of JSON/, ' instead of a token')}`,
      `${URL_HINT}, and the user must be able to log in to SMAX directly (not only through single sign-on)`,
      'html',
    );
  }
  if (!text) throw fail('the login answered without a token', URL_HINT, 'unexpected');
  if (text.length > MAX_TOKEN_CHARS || !TOKEN_CHARS.test(text)) {
    // Not quoted: whatever it is, it answered a request carrying the password.
    const what =
      text.length > MAX_TOKEN_CHARS
        ? `${text.length} characters, too long for one`
        : `${text.length} characters with spaces, quotes or other characters a token does not have`;
    throw fail(
      `unexpected login answer: the body (${contentType ?? 'no content type'}, ${what}) is not a token`,
      URL_HINT,
      'unexpected',
    );
  }
  return text;
}

export function smaxSession(tenant: SmaxTenant, runtime: Runtime): AuthProvider {
  const login = new ApiClient({
    baseUrl: tenant.url,
    urlInput: tenant.urlInput,
    runtime,
    readVendorMessage: readSmaxMessage,
    hintFor: (status) =>
      status === 401 || status === 403
        ? `Login to tenant ${tenant.tenantId} as '${tenant.username}' was refused: check the user name, password and tenant id`
        : undefined,
  });
  let token: string | undefined;
  const signIn = async () => {
    const response = await login.send({
      method: 'POST',
      path: LOGIN_PATH,
      query: { TENANTID: tenant.tenantId },
      json: { login: tenant.username, password: tenant.password },
      what: `log in to tenant ${tenant.tenantId}`,
      // A login creates nothing that matters twice, so it is retried like a read.
      startsJob: false,
    });
    token = loginToken(response, login.displayUrl({ path: LOGIN_PATH, query: { TENANTID: tenant.tenantId } }));
    runtime.logger.mask(token);
  };
  return {
    description: `SMAX user '${tenant.username}' on tenant ${tenant.tenantId}`,
    headers: async () => {
      if (!token) await signIn();
      return { Cookie: `SMAX_AUTH_TOKEN=${token}; TENANTID=${tenant.tenantId}` };
    },
    renew: async () => {
      runtime.logger.info(`Tenant ${tenant.tenantId} answered 401: logging in again.`);
      await signIn();
      return true;
    },
  };
}
