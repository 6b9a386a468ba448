/** Jest: ts-jest on the project's tsconfig; Node tests by default, jsdom per file where a test says so. */
module.exports = {
  testEnvironment: "node",
  roots: ["<rootDir>/test"],
  testMatch: ["**/*.test.ts", "**/*.test.tsx"],
  // Many tests write and read real workbooks, spawn the command line or render the task pane:
  // about a second each on an idle machine, several times that when both cores are busy (a
  // build beside the tests). Jest's 5 s default made them fail under load; a hang still fails.
  testTimeout: 60_000,
  transform: {
    "^.+\\.tsx?$": ["ts-jest", { tsconfig: "tsconfig.json", diagnostics: { warnOnly: false } }],
  },
  setupFiles: ["<rootDir>/test/setup/customFunctionsRuntime.ts"],
  moduleNameMapper: {
    "^office-addin-manifest$": "<rootDir>/test/setup/officeAddinManifestStub.ts",
  },
};
