// Fails when src/api/schema.d.ts is not what `npm run generate` makes of
// docs/openapi.yaml now: regenerate it and commit the result.
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { expect, it } from "vitest";

// Not import.meta.dirname: Node 18 (Debian 12's) lacks it.
const web = fileURLToPath(new URL("..", import.meta.url));

it("src/api/schema.d.ts is generated from docs/openapi.yaml (run `npm run generate` if this fails)", () => {
  const dir = mkdtempSync(join(tmpdir(), "todo-web-schema-"));
  try {
    const fresh = join(dir, "schema.d.ts");
    execFileSync(
      process.execPath,
      [join(web, "node_modules/openapi-typescript/bin/cli.js"), "../docs/openapi.yaml", "--output", fresh],
      { cwd: web, stdio: "pipe" },
    );
    const committed = readFileSync(join(web, "src/api/schema.d.ts"), "utf8");
    const expected = readFileSync(fresh, "utf8");
    expect(committed === expected, "src/api/schema.d.ts is stale: run `npm run generate` in web/").toBe(true);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}, 30_000);
