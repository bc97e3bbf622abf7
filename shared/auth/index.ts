/**
 * Auth providers: what a request carries to prove who sends it. Every secret is masked the moment it is known,
 * including the Basic header value, which the runner would otherwise print if it ever reached a log line.
 */
import type { Logger } from '../runtime.js';

export interface AuthProvider {
  /** Headers for the next request (cookies, Authorization). */
  headers(): Promise<Record<string, string>>;
  /**
   * Called when a request is answered 401. Resolves true when the credentials were renewed (a new login),
   * so the request is repeated once; providers with fixed credentials leave it out.
   */
  renew?(): Promise<boolean>;
  /** Who we are, for error messages ("basic auth as admin"). Never contains a secret. */
  readonly description: string;
}

export function basicAuth(username: string, password: string, logger: Logger): AuthProvider {
  logger.mask(password);
  const encoded = Buffer.from(`${username}:${password}`).toString('base64');
  logger.mask(encoded);
  return {
    description: `basic auth as '${username}'`,
    headers: async () => ({ Authorization: `Basic ${encoded}` }),
  };
}

export function bearerAuth(token: string, logger: Logger): AuthProvider {
  logger.mask(token);
  return {
    description: 'a bearer token',
    headers: async () => ({ Authorization: `Bearer ${token}` }),
  };
}
