/** Jest: ts-jest on the project's tsconfig; Node tests by default, jsdom per file where a test says so. */
module.exports = {
  testEnvironment: "node",
  roots: ["<rootDir>/test"],
  testMatch: ["**/*.test.ts", "**/*.test.tsx"],
  transform: {
    "^.+\\.tsx?$": ["ts-jest", { tsconfig: "tsconfig.json", diagnostics: { warnOnly: false } }],
  },
  setupFiles: ["<rootDir>/test/setup/customFunctionsRuntime.ts"],
  moduleNameMapper: {
    "^office-addin-manifest$": "<rootDir>/test/setup/officeAddinManifestStub.ts",
  },
};
