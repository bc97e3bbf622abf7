// Prints the plain closing line CI reads ("tests: N passed, N failed"), after jest's own summary.
class CountReporter {
  onRunComplete(_contexts, results) {
    // Printed at exit so it comes after jest's own summary and stays the closing line.
    const skipped = results.numPendingTests + results.numTodoTests;
    const failed = results.numFailedTests + results.numRuntimeErrorTestSuites;
    const line = `tests: ${results.numPassedTests} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`;
    process.once('exit', () => process.stdout.write(`\n${line}\n`));
  }
}
module.exports = CountReporter;
