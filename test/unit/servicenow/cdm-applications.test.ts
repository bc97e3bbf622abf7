/**
 * Which refusals `if-exists: skip` and `if-missing: skip` may turn into a skip: only ServiceNow saying, with a
 * client-error status, that this very deployable exists (or does not). Everything else fails the step.
 */
import { describe, expect, it } from '@jest/globals';
import { ApiError } from '../../../shared/errors.js';
import { isDeployableExists, isDeployableMissing } from '../../../shared/vendors/servicenow/cdm-applications.js';

const refusal = (status: number | undefined, vendorMessage: string) =>
  new ApiError({
    method: 'POST',
    url: 'https://acme.service-now.com/api/sn_cdm/applications/deployables',
    status,
    vendorMessage,
  });

describe('isDeployableExists', () => {
  it.each([
    [400, "Deployable with name: 'PR-7' already exists in application: 'PaymentApp'"],
    [409, 'Deployable "PR-7" already exists'],
    [400, 'A deployable named PR-7 already exists'],
  ])('recognises HTTP %d %j', (status, message) => {
    expect(isDeployableExists(refusal(status, message), 'PR-7')).toBe(true);
  });

  it.each([
    ['another deployable', 400, "Deployable with name: 'PR-77' already exists in application: 'PaymentApp'"],
    ['a server error', 500, "Deployable with name: 'PR-7' already exists in application: 'PaymentApp'"],
    ['a failure inside HTTP 200', 200, "Deployable with name: 'PR-7' already exists in application: 'PaymentApp'"],
    ['no answer', undefined, "Deployable with name: 'PR-7' already exists"],
    ['another refusal', 400, "Could not find active application with name: 'PaymentApp' of type application"],
  ])('does not take %s for it', (_, status, message) => {
    expect(isDeployableExists(refusal(status, message), 'PR-7')).toBe(false);
  });

  it('takes no other error for it', () => {
    expect(isDeployableExists(new Error("Deployable with name: 'PR-7' already exists"), 'PR-7')).toBe(false);
  });
});

describe('isDeployableMissing', () => {
  it.each([
    [400, "Could not find deployable with name: 'PR-7' in application: 'PaymentApp'"],
    [404, 'Deployable "PR-7" not found'],
  ])('recognises HTTP %d %j', (status, message) => {
    expect(isDeployableMissing(refusal(status, message), 'PR-7')).toBe(true);
  });

  it.each([
    ['a missing application', 400, "Could not find active application with name: 'PR-7' of type application"],
    ['another deployable', 400, "Could not find deployable with name: 'PR-70' in application: 'PaymentApp'"],
    ['a server error', 500, "Could not find deployable with name: 'PR-7' in application: 'PaymentApp'"],
    ['a refusal of another kind', 403, "User Not Authorized to delete deployable 'PR-7'"],
  ])('does not take %s for it', (_, status, message) => {
    expect(isDeployableMissing(refusal(status, message), 'PR-7')).toBe(false);
  });
});
