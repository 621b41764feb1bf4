// Flat config: typescript-eslint's type-aware rules plus Pulumi's own plugin,
// which catches an Output interpolated into a template literal.
import tseslint from "typescript-eslint";
import pulumi from "@pulumi/eslint-plugin";

export default tseslint.config(
  {
    ignores: ["dist/**", "node_modules/**", "coverage/**", "docs/api/**", "**/*.js", "**/*.mjs"],
  },
  ...tseslint.configs.recommended,
  {
    files: ["**/*.ts"],
    languageOptions: {
      parserOptions: {
        // One program, the root tsconfig's, for every file: it includes the examples, whose
        // `import "paved"` resolves to the sources as in the type-check. The project service
        // built each example's own program besides (the full @pulumi/aws declarations four
        // times more) and cost twice the CPU (47 s against 24 s, cold: bench/RESULTS.md,
        // "Test-suite budget, cold"). A .ts file outside the root tsconfig's `include` fails
        // the lint ("not included in any of the projects"): add its folder there.
        project: ["./tsconfig.json"],
        tsconfigRootDir: import.meta.dirname,
      },
    },
    plugins: { "@pulumi": pulumi },
    rules: {
      "@pulumi/no-output-in-template-literal": "error",
      "@pulumi/no-output-instance-in-template-literal": "error",
      "@typescript-eslint/no-floating-promises": "error",
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "@typescript-eslint/consistent-type-imports": "off",
      eqeqeq: ["error", "always", { null: "ignore" }],
    },
  },
  {
    // What paved sorts must not depend on the machine's locale (components/core/order.ts says why).
    files: ["components/**/*.ts", "policies/**/*.ts", "cli/**/*.ts"],
    rules: {
      "no-restricted-properties": [
        "error",
        {
          property: "localeCompare",
          message:
            "localeCompare orders by the machine's locale: use compareText from components/core/order.ts (or name the locale, for text sorted for people)",
        },
      ],
    },
  },
  {
    // The components load each provider namespace from its own module (components/aws/sdk.ts,
    // components/kubernetes/sdk.ts), not the whole provider index every `import "paved"` paid for.
    files: ["components/**/*.ts"],
    ignores: ["components/aws/sdk.ts", "components/kubernetes/sdk.ts"],
    rules: {
      "@typescript-eslint/no-restricted-imports": [
        "error",
        {
          paths: [
            {
              name: "@pulumi/aws",
              allowTypeImports: true,
              message:
                "import * as aws from components/aws/sdk.ts (add the namespace there if it is missing)",
            },
            {
              name: "@pulumi/kubernetes",
              allowTypeImports: true,
              message:
                "import * as k8s from components/kubernetes/sdk.ts (add the API group there if it is missing)",
            },
          ],
        },
      ],
    },
  },
  {
    files: ["test/**/*.ts", "bench/**/*.ts"],
    rules: {
      "@typescript-eslint/no-require-imports": "off",
      "@typescript-eslint/no-explicit-any": "off",
    },
  },
);
