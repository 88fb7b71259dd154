import js from "@eslint/js";
import globals from "globals";
import tseslint from "typescript-eslint";

export default tseslint.config(
  { ignores: ["node_modules/**", "dist/**", "data/**", "test-artifacts/**", ".tmp/**"] },
  js.configs.recommended,
  { files: ["**/*.mjs", "**/*.js"], languageOptions: { globals: globals.node } },
  ...tseslint.configs.recommended,
  {
    rules: {
      "@typescript-eslint/no-explicit-any": "error",
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "@typescript-eslint/consistent-type-imports": "error",
      "no-console": ["error", { allow: ["warn", "error"] }],
    },
  },
  {
    files: ["**/*.test.ts", "bench/**", "sim/jira/cli.ts", "server/cli.ts", "scripts/**", ".ci/**"],
    rules: { "no-console": "off" },
  },
  {
    // A pool a test makes itself outlives its database: unhandled 57P01 errors at the drop fail
    // the run. server/testing/db.ts hands out pools that are closed before the drop.
    files: ["**/*.test.ts", "e2e/**"],
    rules: {
      "no-restricted-syntax": [
        "error",
        {
          selector: "NewExpression[callee.property.name='Pool'], NewExpression[callee.name='Pool']",
          message: "Open extra pools with createTestDatabase().openPool(): it closes them before the database is dropped.",
        },
      ],
    },
  },
);
