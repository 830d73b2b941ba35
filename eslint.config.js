// One flat config for the whole monorepo; packages run `eslint .` and find it upward.
import js from "@eslint/js";
import tseslint from "typescript-eslint";
import globals from "globals";

export default tseslint.config(
  {
    ignores: [
      "**/node_modules/**",
      "**/build/**",
      "**/dist/**",
      "**/.partykit/**",
      "**/.data/**",
      "**/generated/**",
      "**/.cache/**",
      "**/public/build/**",
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "@typescript-eslint/consistent-type-imports": "error",
      "no-restricted-properties": [
        "error",
        { object: "process", property: "env", message: "Read configuration through the deployable's env module (src/env.ts)." },
      ],
    },
  },
  {
    // Env modules, scripts, tests and tooling are where process.env may be read.
    files: ["**/env.ts", "**/env.server.ts", "**/*.test.ts", "**/*.test.tsx", "**/test/**", "**/tests/**", "**/scripts/**", "bench/**", "**/*.config.*", "**/testing/**", "**/testing.ts"],
    rules: { "no-restricted-properties": "off" },
  },
);
