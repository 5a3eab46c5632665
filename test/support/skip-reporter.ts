/**
 * A vitest reporter that ends the run with one line saying which suites were skipped and why, from the reasons the
 * suites declared with `requires()` (test/support/requirements.ts), instead of a bare "12 skipped". Skips nobody explained
 * (it.skip, todo, a name filter) are counted apart.
 */
import { basename } from 'node:path';
import type { Reporter, TestModule } from 'vitest/node';

interface Skipped {
  tests: number;
  files: Set<string>;
}

export default class SkipReporter implements Reporter {
  onTestRunEnd(modules: ReadonlyArray<TestModule>): void {
    const byReason = new Map<string, Skipped>();
    const met = new Set<string>();
    let unexplained = 0;
    for (const module of modules) {
      for (const test of module.children.allTests()) {
        const { requirement, skipReason } = test.meta();
        if (test.result().state !== 'skipped') {
          if (requirement) met.add(requirement);
          continue;
        }
        if (!skipReason) {
          unexplained++;
          continue;
        }
        const entry = byReason.get(skipReason) ?? { tests: 0, files: new Set<string>() };
        entry.tests++;
        entry.files.add(basename(module.moduleId));
        byReason.set(skipReason, entry);
      }
    }
    const parts = [...byReason].map(
      ([reason, { tests, files }]) => `${plural(tests, 'test')} in ${[...files].sort().join(', ')}: ${reason}`,
    );
    if (unexplained) parts.push(`${plural(unexplained, 'other test')} (it.skip, todo or a name filter)`);
    const line = parts.length
      ? `Skipped ${parts.join('; ')}.`
      : `Nothing skipped${met.size ? ` (${[...met].sort().join(' and ')} found)` : ''}.`;
    console.log(`\n${line}`);
  }
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
