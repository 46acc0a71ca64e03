/**
 * Adds one closing line, "Tests: N passed, N failed, N skipped", after jest's own summary, so that CI
 * (which reads a run's last lines) counts the tests. Written at process exit, when jest has printed all.
 */
class SummaryReporter {
  onRunComplete(_contexts, results) {
    const { numPassedTests, numFailedTests, numPendingTests, numTodoTests } = results;
    const line = `Tests: ${numPassedTests} passed, ${numFailedTests} failed, ${numPendingTests + numTodoTests} skipped\n`;
    process.once("exit", () => process.stderr.write(line));
  }
}
module.exports = SummaryReporter;
