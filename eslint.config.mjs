import { existsSync } from "node:fs";
import path from "node:path";
import tseslint from "typescript-eslint";
import reactHooks from "eslint-plugin-react-hooks";

// ── Module doors (docs/decisions/016-module-doors.md, docs/architecture.md) ─────────────────────
// Each folder of lib/ is a module. Code outside it imports only its doors: `lib/<m>/index.ts`,
// `lib/<m>/client.ts` (the pure, client-safe part, where index.ts is server-only) and the extra
// doors named below. Inside a module, files import each other freely.
const EXTRA_DOORS = {
  // Web only: Auth.js (next-auth cannot load in the CLI, the seed or scripts) and the page guard.
  auth: ["session"],
  access: ["require"],
};
// The Prisma files: the client, the write path's transaction and prepared statements, the
// generated clients. Only the query and command files below (and lib/db itself) import them.
const PRISMA_TARGET = /^lib\/db\/(prisma|writer|hot-statements|generated(\/.*)?)$/;
const PRISMA_PACKAGE = /^@prisma\/client(\/.*)?$/;
// The query and command files: every file that reads or writes through Prisma, module by module.
// A new one is added here on purpose (a page, component or action asks a query/command file).
const QUERY_AND_COMMAND_FILES = [
  "lib/db/**",
  "lib/actions/mutation.ts",
  "lib/admin/{accounts,installation,quality-fixes,tables-view}.ts",
  "lib/api/{http,rate-store}.ts",
  "lib/auth/{rate-limit,scope,session}.ts",
  "lib/catalogue/{queries,year}.ts",
  "lib/dashboard/overview.ts",
  "lib/import/db.ts",
  "lib/indicator/{revisions,tables}.ts",
  "lib/offices/orgs.ts",
  "lib/onboard/{import,server}.ts",
  "lib/reporting/{city,execution,periods,queries,service,summaries}.ts",
  "lib/reports/{evaluation,monitoring,self-eval,summary}.ts",
  // The seed loads the document into an empty database in one go.
  "prisma/seed.ts",
  "prisma/seed/**",
];
// Tests reach behind doors on purpose (they test a module's files), and set up data with Prisma;
// the benchmarks load modules under their own conditions (scripts/bench/measure.ts).
const OUTSIDE_THE_RULES = ["tests/**", "e2e/**", "**/*.test.ts", "scripts/bench/**"];

/** The repository path an import names (lib/x/y without extension), or null for a package. */
function importedPath(filename, spec) {
  let target;
  if (spec.startsWith("@/")) target = spec.slice(2);
  else if (spec.startsWith(".")) target = path.posix.join(path.posix.dirname(filename), spec);
  else return null;
  return path.posix.normalize(target).replace(/\.(ts|tsx|js|mjs)$/, "").replace(/\/index$/, "");
}

function eachImport(context, check) {
  const filename = path.relative(context.cwd, context.filename).split(path.sep).join("/");
  const visit = (node, source) => {
    if (source && source.type === "Literal" && typeof source.value === "string") check(node, filename, source.value);
  };
  return {
    ImportDeclaration: (n) => visit(n, n.source),
    ExportNamedDeclaration: (n) => visit(n, n.source),
    ExportAllDeclaration: (n) => visit(n, n.source),
    ImportExpression: (n) => visit(n, n.source),
  };
}

const doors = {
  rules: {
    "module-door": {
      meta: { type: "problem", messages: { past: "'{{spec}}' reaches past the door of lib/{{mod}}: import '@/lib/{{mod}}'{{others}} instead (docs/decisions/016-module-doors.md)." } },
      create: (context) =>
        eachImport(context, (node, filename, spec) => {
          const target = importedPath(filename, spec);
          if (!target?.startsWith("lib/")) return;
          const [, mod, ...rest] = target.split("/");
          const inner = rest.join("/");
          if (!inner || filename.startsWith(`lib/${mod}/`) || PRISMA_TARGET.test(target)) return;
          const allowed = [...(existsSync(`lib/${mod}/client.ts`) ? ["client"] : []), ...(EXTRA_DOORS[mod] ?? [])];
          if (allowed.includes(inner)) return;
          const others = allowed.map((d) => ` or '@/lib/${mod}/${d}'`).join("");
          context.report({ node, messageId: "past", data: { spec, mod, others } });
        }),
    },
    "prisma-outside-queries": {
      meta: { type: "problem", messages: { prisma: "'{{spec}}' is Prisma: only a module's query and command files import it (the list in eslint.config.mjs). Call a query or command of lib/ instead." } },
      create: (context) =>
        eachImport(context, (node, filename, spec) => {
          const target = importedPath(filename, spec);
          if (PRISMA_PACKAGE.test(spec) || (target && PRISMA_TARGET.test(target))) context.report({ node, messageId: "prisma", data: { spec } });
        }),
    },
  },
};

export default tseslint.config(
  { ignores: ["node_modules/", ".next/", "lib/db/generated/", "data/", "test-results/", "playwright-report/", "next-env.d.ts", "*.config.*", "scripts/*.mjs"] },
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    plugins: { "react-hooks": reactHooks, doors },
    rules: {
      ...reactHooks.configs.recommended.rules,
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      // Server actions are async functions passed to form `action` props.
      "@typescript-eslint/no-misused-promises": ["error", { checksVoidReturn: { attributes: false } }],
      "doors/module-door": "error",
      "doors/prisma-outside-queries": "error",
    },
  },
  { files: QUERY_AND_COMMAND_FILES, rules: { "doors/prisma-outside-queries": "off" } },
  { files: OUTSIDE_THE_RULES, rules: { "doors/module-door": "off", "doors/prisma-outside-queries": "off" } },
  // Playwright fixtures call `use`, which is not React's hook.
  { files: ["e2e/**"], rules: { "react-hooks/rules-of-hooks": "off" } },
);
