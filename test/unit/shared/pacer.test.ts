/** The Pacer: long work that does not wait on I/O still gives way to timers, the cancel signal and the deadline. */
import { describe, expect, it } from '@jest/globals';
import { CancelledError, TimeoutError } from '../../../shared/errors.js';
import { Pacer } from '../../../shared/pacer.js';
import { fakeRuntime } from '../../support/fakes.js';

/** Busy work in units of about 1 ms, with a pacer step between units, until `stop()` says so. */
async function busyUntil(pacer: Pacer, stop: () => boolean): Promise<number> {
  let units = 0;
  while (!stop()) {
    const until = performance.now() + 1;
    while (performance.now() < until);
    units++;
    await pacer.step();
  }
  return units;
}

describe('Pacer', () => {
  it('lets a timer fire within a few milliseconds of work', async () => {
    const pacer = new Pacer(fakeRuntime(), 'mapping findings to file lines');
    let fired = false;
    const scheduledAt = performance.now();
    setTimeout(() => (fired = true), 20);
    await busyUntil(pacer, () => fired);
    expect(performance.now() - scheduledAt).toBeLessThan(200);
  });

  it('stops the work once the run is cancelled, saying what it was doing', async () => {
    const runtime = fakeRuntime();
    const pacer = new Pacer(runtime, 'mapping findings to file lines');
    setTimeout(() => runtime.controller.abort(), 20);
    const stopped = busyUntil(pacer, () => false);
    await expect(stopped).rejects.toThrow(new CancelledError('Cancelled while mapping findings to file lines'));
  });

  it('stops the work at the deadline with a TimeoutError that says what it was doing and what to do', async () => {
    const runtime = fakeRuntime({ timeoutMs: 5_000 });
    const pacer = new Pacer(runtime, 'mapping findings to file lines', 'raise timeout');
    expect(() => pacer.check()).not.toThrow();
    runtime.clock.advance(5_000);
    await expect(pacer.step()).rejects.toThrow(TimeoutError);
    await expect(pacer.step()).rejects.toThrow(
      'Timed out after 5s while mapping findings to file lines: raise timeout',
    );
  });
});
