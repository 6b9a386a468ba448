// ESLint for BANGFU: typescript-eslint's recommended rules, Microsoft's Office add-in rules
// (eslint-plugin-office-addins: load before read, no sync in loops …), React hooks, and
// nothing that Prettier decides (eslint-config-prettier last). `npm run lint` runs it with
// `prettier --check`.
import tseslint from "typescript-eslint";
import officeAddins from "eslint-plugin-office-addins";
import reactHooks from "eslint-plugin-react-hooks";
import prettierConfig from "eslint-config-prettier";

export default tseslint.config(
  {
    ignores: [
      "build/**",
      "dist/**",
      "dist-web/**",
      "dist-wps/**",
      "dist-harness/**",
      "out/**",
      "coverage/**",
      "node_modules/**",
      "docs/**",
      "assets/**",
      "examples/**",
    ],
  },
  ...tseslint.configs.recommended,
  {
    files: ["**/*.{ts,tsx}"],
    rules: {
      "@typescript-eslint/no-explicit-any": "error",
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_", caughtErrors: "none" }],
      "no-empty": ["error", { allowEmptyCatch: false }],
      eqeqeq: ["error", "always", { null: "ignore" }],
    },
  },
  {
    // Microsoft's Office rules where Office.js is called (elsewhere `.value` is an exceljs cell or our own).
    files: ["src/office/**/*.ts", "src/commands/**/*.ts", "src/functions/**/*.ts"],
    plugins: { "office-addins": officeAddins },
    // The plugin's recommended Office rules (its flat config's last entry also brings its own parser and plugins).
    rules: Object.fromEntries(
      Object.entries(officeAddins.configs.recommended.at(-1).rules).filter(([rule]) => rule.startsWith("office-addins/")),
    ),
  },
  {
    files: ["src/**/*.tsx"],
    plugins: { "react-hooks": reactHooks },
    rules: reactHooks.configs.recommended.rules,
  },
  {
    files: ["**/*.{js,cjs,mjs}"],
    languageOptions: {
      globals: {
        require: "readonly",
        module: "writable",
        process: "readonly",
        __dirname: "readonly",
        console: "readonly",
        Buffer: "readonly",
      },
    },
    rules: { "@typescript-eslint/no-require-imports": "off" },
  },
  prettierConfig,
  {
    // Prettier's width, for what Prettier does not wrap (strings, comments); XML templates and imports may run longer.
    files: ["**/*.{ts,tsx,js,cjs,mjs}"],
    rules: {
      "max-len": [
        "error",
        { code: 140, ignoreUrls: true, ignoreRegExpLiterals: true, ignoreTemplateLiterals: true, ignorePattern: "^import " },
      ],
    },
  },
);
