/**
 * An SMAX session: log in for a token (not in the API documents; see specs/README.md), send it as the cookie
 * `SMAX_AUTH_TOKEN` with `TENANTID` on every call, and log in again once when a call answers 401 (tokens expire
 * after about an hour). Source and target each have their own session.
 */
import type { AuthProvider } from '../../auth/index.js';
import { ApiError } from '../../errors.js';
import { isRecord } from '../../http/body.js';
import { ApiClient } from '../../http/client.js';
import type { Runtime } from '../../runtime.js';

export interface SmaxTenant {
  /** Server address, e.g. https://smax.example.com */
  url: string;
  tenantId: string;
  username: string;
  password: string;
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

export function smaxSession(tenant: SmaxTenant, runtime: Runtime): AuthProvider {
  const login = new ApiClient({
    baseUrl: tenant.url,
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
      path: '/auth/authentication-endpoint/authenticate/token',
      query: { TENANTID: tenant.tenantId },
      json: { login: tenant.username, password: tenant.password },
      what: `log in to tenant ${tenant.tenantId}`,
      // A login creates nothing that matters twice, so it is retried like a read.
      startsJob: false,
    });
    token = response.text.trim();
    if (!token) {
      throw new ApiError({
        method: 'POST',
        url: login.displayUrl({ path: '/auth/authentication-endpoint/authenticate/token' }),
        status: response.status,
        vendorMessage: 'the login answered without a token',
        hint: 'Check source-url/target-url: they must be the SMAX server address',
      });
    }
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
