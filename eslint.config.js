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
  {
    // Entry to the domain (docs/decisions/0002): pages and their feature modules reach services
    // only through tRPC server callers (~/.server/api). They may import the client-safe schema
    // modules of packages/core (input schemas, labels, limits) and types. The adapter layer
    // (app/.server) and the endpoints without a user session — rooms' internal calls, webhooks,
    // the tRPC mount and the OAuth handshake — call services directly.
    files: ["apps/web/app/**/*.{ts,tsx}"],
    ignores: [
      "apps/web/app/.server/**",
      "apps/web/app/routes/internal.*",
      "apps/web/app/routes/webhooks.*",
      "apps/web/app/routes/api.*",
      "apps/web/app/routes/auth.$provider*",
      "**/*.test.ts",
      "**/*.test.tsx",
    ],
    rules: {
      "@typescript-eslint/no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              regex: "^@interviewlm/(db|emails|api)(/.*)?$|^@interviewlm/core(?!/[a-z-]+/schemas$)(/.*)?$",
              allowTypeImports: true,
              message: "Pages enter the domain through tRPC server callers (serverApi in ~/.server/api); see docs/decisions/0002.",
            },
          ],
        },
      ],
      // context.services.db, services.deps.db, deps["db"], and the same destructured
      // (const { db } = context.services; ({ context: { services: { db } } }) => …).
      "no-restricted-syntax": [
        "error",
        ...[
          "MemberExpression[property.name=/^(db|prisma)$/]:matches([object.property.name=/^(services|deps)$/], [object.name=/^(services|deps)$/])",
          "MemberExpression[property.value=/^(db|prisma)$/]:matches([object.property.name=/^(services|deps)$/], [object.name=/^(services|deps)$/])",
          "VariableDeclarator:matches([init.property.name=/^(services|deps)$/], [init.name=/^(services|deps)$/]) > ObjectPattern > Property[key.name=/^(db|prisma)$/]",
          "Property[key.name=/^(services|deps)$/] > ObjectPattern > Property[key.name=/^(db|prisma)$/]",
        ].map((selector) => ({
          selector,
          message: "Pages never reach the database through the load context: call a tRPC procedure (docs/decisions/0002).",
        })),
      ],
    },
  },
);
