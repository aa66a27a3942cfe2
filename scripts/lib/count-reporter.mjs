// A node:test reporter that counts leaf tests and writes { passed, failed, skipped, failures } as
// JSON to its destination, so the test driver can sum the tiers. A test that had subtests (a
// suite, or a file) is not counted itself, unless it failed on its own (a failing hook, a file
// that did not load).
export default async function* countReporter(source) {
  const counts = { passed: 0, failed: 0, skipped: 0, failures: [] };
  // Children are reported before their parent: per file, count finished tests per nesting level.
  const childrenSeen = new Map();
  for await (const event of source) {
    if (event.type !== 'test:pass' && event.type !== 'test:fail') continue;
    const { data } = event;
    const levels = childrenSeen.get(data.file) ?? [];
    childrenSeen.set(data.file, levels);
    const hadChildren = (levels[data.nesting + 1] ?? 0) > 0 || data.details?.type === 'suite';
    levels[data.nesting + 1] = 0;
    levels[data.nesting] = (levels[data.nesting] ?? 0) + 1;
    if (hadChildren && (event.type === 'test:pass' || data.details?.error?.failureType === 'subtestsFailed')) continue;
    if (data.skip || data.todo) counts.skipped += 1;
    else if (event.type === 'test:pass') counts.passed += 1;
    else {
      counts.failed += 1;
      counts.failures.push(data.name);
    }
  }
  yield `${JSON.stringify(counts)}\n`;
}
