// Electron's utility process gives its script `process.parentPort` (messages arrive as `{ data }`,
// answers go by `postMessage`). Electron cannot run here: this shim gives a forked Node child the
// same port over its IPC channel, so the password-check script's utility-process branch is the
// one that runs (tests/integration/server-password-check.test.ts).
process.parentPort = {
  on(event, listener) {
    if (event === 'message') process.on('message', (data) => listener({ data }));
  },
  postMessage(message) {
    process.send(message);
  },
};
// The real utility process ends with the app; here the test ends it.
process.on('disconnect', () => process.exit(0));
