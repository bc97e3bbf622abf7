/**
 * Authentication half of the SMAX simulator (not in the vendor documents; see docs/vendor-apis.md):
 *   POST /auth/authentication-endpoint/authenticate/token?TENANTID={tenant}  {"login","password"} → token (text/plain)
 * and the check of every /rest/{tenant}/... call: cookie `SMAX_AUTH_TOKEN` holding an unexpired token issued for
 * that tenant, and (unless relaxed) cookie `TENANTID` equal to the tenant.
 */
import { randomBytes } from 'node:crypto';
import type { RecordedRequest, SandboxRequest, SandboxResponse } from './server.js';

export const LOGIN_PATH = '/auth/authentication-endpoint/authenticate/token';
/** Body of every 401 (failed login, missing/expired/foreign token); SMAX's real body is not documented. */
export const AUTH_FAILED_BODY = { code: 401, message: 'Authentication failed' };

export interface SmaxLogin {
  tenant: string;
  login: string;
  ok: boolean;
  /** The issued token (successful logins only). */
  token?: string;
  at: number;
}

export interface SmaxToken {
  tenant: string;
  login: string;
  expiresAt: number;
}

/** What SmaxAuth reads from SmaxSandbox (live, so changed settings apply at once). */
export interface SmaxAuthSettings {
  readonly tenants: readonly string[];
  readonly login: string;
  readonly password: string;
  readonly tokenTtlMs: number;
  readonly requireTenantCookie: boolean;
  readonly server: { now(): number };
}

export class SmaxAuth {
  readonly tokens = new Map<string, SmaxToken>();
  readonly logins: SmaxLogin[] = [];

  constructor(private readonly settings: SmaxAuthSettings) {}

  private get now(): number {
    return this.settings.server.now();
  }

  /** Successful logins, for one tenant or all. */
  loginCount(tenant?: string): number {
    return this.logins.filter((l) => l.ok && (tenant === undefined || l.tenant === tenant)).length;
  }

  expireTokens(): void {
    for (const token of this.tokens.values()) token.expiresAt = Math.min(token.expiresAt, this.now);
  }

  issueToken(tenant: string, login: string): string {
    const token = randomBytes(48).toString('base64url');
    this.tokens.set(token, { tenant, login, expiresAt: this.now + this.settings.tokenTtlMs });
    return token;
  }

  authenticate(req: SandboxRequest): SandboxResponse {
    const tenant = req.query.get('TENANTID') ?? '';
    let credentials: { login?: unknown; password?: unknown } = {};
    try {
      credentials = req.json<typeof credentials>() ?? {};
    } catch {
      credentials = {};
    }
    const login = typeof credentials.login === 'string' ? credentials.login : '';
    const ok =
      this.settings.tenants.includes(tenant) &&
      login === this.settings.login &&
      credentials.password === this.settings.password;
    const record: SmaxLogin = { tenant, login, ok, at: this.now };
    this.logins.push(record);
    if (!ok) return { status: 401, json: AUTH_FAILED_BODY };
    record.token = this.issueToken(tenant, login);
    return { body: record.token, contentType: 'text/plain;charset=UTF-8' };
  }

  authorized(req: RecordedRequest): boolean {
    const match = /^\/rest\/([^/]+)(?:\/|$)/.exec(req.path);
    if (!match) return true;
    const tenant = safeDecode(match[1]);
    const cookies = parseCookies(req.headers.cookie);
    if (this.settings.requireTenantCookie && cookies.TENANTID !== tenant) return false;
    const token = this.tokens.get(cookies.SMAX_AUTH_TOKEN ?? '');
    return token !== undefined && token.tenant === tenant && this.now < token.expiresAt;
  }
}

function parseCookies(header: string | undefined): Record<string, string> {
  const cookies: Record<string, string> = {};
  for (const pair of (header ?? '').split(';')) {
    const eq = pair.indexOf('=');
    if (eq <= 0) continue;
    const name = pair.slice(0, eq).trim();
    const value = pair.slice(eq + 1).trim();
    if (!(name in cookies)) cookies[name] = safeDecode(value.replace(/^"(.*)"$/, '$1'));
  }
  return cookies;
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
