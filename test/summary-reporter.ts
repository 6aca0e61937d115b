// Ends the run with one plain line, `N passed, N failed, N skipped`, that CI systems read
// whatever test runner they know, then why tests were skipped: those that need ../shared or PostgreSQL
// say so in their titles ("(needs ../shared)"), which the default reporter does not print.
import type { Reporter, TestModule } from 'vitest/node';

const NEEDS = /\((?:skipped: )?(needs [^)]*)\)/;

export default class SummaryReporter implements Reporter {
  onTestRunEnd(testModules: ReadonlyArray<TestModule>, unhandledErrors: ReadonlyArray<unknown>): void {
    let passed = 0;
    let failed = 0;
    let skipped = 0;
    const reasons = new Map<string, number>();
    for (const module of testModules) {
      for (const test of module.children.allTests()) {
        const result = test.result();
        if (result.state === 'passed') passed++;
        else if (result.state === 'failed') failed++;
        else {
          skipped++;
          const reason = NEEDS.exec(test.fullName)?.[1] ?? ((result.state === 'skipped' && result.note) || 'no reason given');
          reasons.set(reason, (reasons.get(reason) ?? 0) + 1);
        }
      }
      // A file that failed to load has no tests but is a failure.
      if (module.state() === 'failed' && [...module.children.allTests()].length === 0) failed++;
    }
    failed += unhandledErrors.length;
    process.stdout.write(`\n${passed} passed, ${failed} failed, ${skipped} skipped\n`);
    for (const [reason, count] of reasons) process.stdout.write(`  ${count} skipped: ${reason}\n`);
  }
}
