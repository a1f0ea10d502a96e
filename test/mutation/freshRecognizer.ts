/**
 * A mocha root hook for mutation testing only (stryker.config.mjs requires it; the unit suite
 * does not). The recognizer answers a text seen among its last 32 from a cache, and Stryker keeps
 * the modules loaded from one mutant to the next: a result computed while one mutant was active
 * would be served to a test run for the next, killing it or letting it live for the wrong reason.
 * Before each test of a mutant's run, forty other texts push every earlier result out of the
 * cache. Not in the dry run: there no mutant is active, so the cache holds only true results, and
 * texts recognized here would count as every test's coverage (each mutant would run every test).
 */
import { recognizeDeclineMessages } from '../../src/core/declineMessages';

export const mochaHooks = {
  beforeEach(): void {
    // Stryker's instrumentation context names the mutant being tested; none in the dry run.
    const stryker = (globalThis as { __stryker__?: { activeMutant?: string } }).__stryker__;
    if (stryker?.activeMutant === undefined) return;
    for (let index = 0; index < 40; index++) recognizeDeclineMessages(`cache filler ${index}`);
  },
};
