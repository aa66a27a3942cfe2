// Activates after start-up, runs the integration suite named by CLOUD_KEYS_TEST_SUITE in this
// extension host (where `require('vscode')` is the real API), and writes its results as JSON to
// CLOUD_KEYS_TEST_RESULTS for the driver that waits for them.
const fs = require('node:fs');

exports.activate = async function activate() {
  const suite = process.env.CLOUD_KEYS_TEST_SUITE;
  const resultsFile = process.env.CLOUD_KEYS_TEST_RESULTS;
  if (!suite || !resultsFile) return;
  let results;
  try {
    results = await require(suite).runWithResults();
  } catch (error) {
    results = {
      passed: 0,
      failed: 1,
      skipped: 0,
      tests: [{ title: 'the integration suite could not run', state: 'failed', error: String((error && error.stack) || error) }],
    };
  }
  fs.writeFileSync(`${resultsFile}.tmp`, JSON.stringify(results, null, 2));
  fs.renameSync(`${resultsFile}.tmp`, resultsFile);
};

exports.deactivate = function deactivate() {};
