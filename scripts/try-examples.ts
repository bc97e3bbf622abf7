/**
 * Working example inputs for every action against its sandbox: what `npm run try -- <action>` runs, and what each
 * `actions/<name>/.env.example` holds (a test keeps the two equal). The credentials are the sandbox's own fixed ones.
 */
import { PAYMENT_APP_ID } from '../test/sandbox/servicenow-apps-store.js';
import type { SandboxName } from '../test/sandbox/standalone.js';

export interface TryExample {
  /** The simulator the action talks to. */
  sandbox: SandboxName;
  /** The inputs, given the sandbox's base URL. Paths are relative to the repository root. */
  inputs(url: string): Record<string, string>;
}

const SANDBOX_PASSWORD = 'sandbox-password';
const cdmLogin = (url: string) => ({ 'instance-url': url, username: 'admin', password: SANDBOX_PASSWORD });

export const TRY_EXAMPLES: Record<string, TryExample> = {
  'cdm-export': {
    sandbox: 'servicenow-cdm',
    inputs: (url) => ({
      ...cdmLogin(url),
      'app-name': 'PaymentApp',
      'deployable-name': 'Production',
      'exporter-name': 'json-exporter',
      'data-format': 'json',
    }),
  },
  'cdm-upload': {
    sandbox: 'servicenow-cdm',
    inputs: (url) => ({
      ...cdmLogin(url),
      'app-name': 'PaymentApp',
      'name-path': 'paymentSettings',
      files: 'examples/config/**',
      'files-root': 'examples/config',
    }),
  },
  'cdm-validate': {
    sandbox: 'servicenow-cdm',
    inputs: (url) => ({ ...cdmLogin(url), 'app-name': 'PaymentApp', 'deployable-name': 'Production' }),
  },
  'cdm-application': {
    sandbox: 'servicenow-cdm',
    // A read, so it works as often as you run it (a create would find the deployable there the second time).
    inputs: (url) => ({ ...cdmLogin(url), operation: 'get-app', 'app-id': PAYMENT_APP_ID }),
  },
  'apim-migrate': {
    sandbox: 'snaplogic-apim',
    inputs: (url) => ({
      'control-plane-url': url,
      username: 'dev@example.com',
      password: SANDBOX_PASSWORD,
      'source-path': '/Acme/Dev/Payments/OrdersAPI/2.0',
      'dest-path': '/Acme/Prod/Payments/OrdersAPI',
    }),
  },
  'dev2prod-promote': {
    sandbox: 'smax',
    inputs: (url) => ({
      'source-url': url,
      'source-tenant-id': '100000001',
      'source-username': 'dev-admin',
      'source-password': SANDBOX_PASSWORD,
      'target-tenant-id': '200000002',
      'package-id': '54321',
    }),
  },
};
