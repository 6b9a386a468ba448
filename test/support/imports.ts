/**
 * The modules a source file pulls in when it runs, followed through relative imports: for
 * checking that code the browser page runs uses no Node API.
 */
import * as fs from "node:fs";
import { builtinModules } from "node:module";
import * as path from "node:path";

const ROOT = path.resolve(__dirname, "../..");

export interface ImportGraph {
  /** Source files reached (repository-relative), the entry first. */
  readonly files: readonly string[];
  /** Imports of packages that are not allowed, and any Node built-in even as a type: "file: specifier". */
  readonly outside: readonly string[];
}

/** Follow the runtime imports of `entry` (repository-relative); packages in `allowed` may be imported. */
export function runtimeImports(entry: string, allowed: readonly string[] = []): ImportGraph {
  const seen = new Set<string>();
  const outside: string[] = [];
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    const source = fs.readFileSync(file, "utf8");
    for (const m of source.matchAll(/^(?:import|export)\s+(type\s+)?(?:[^;]*?\s+from\s+)?"([^"]+)";/gm)) {
      const [, typeOnly, specifier] = m;
      const where = path.relative(ROOT, file);
      if (specifier.startsWith(".")) {
        // Type-only imports vanish from the compiled code; every other import runs in the page.
        if (typeOnly) continue;
        const target = path.resolve(path.dirname(file), specifier);
        visit([`${target}.ts`, `${target}.tsx`].find((f) => fs.existsSync(f)) ?? path.join(target, "index.ts"));
      } else if (specifier.startsWith("node:") || builtinModules.includes(specifier))
        outside.push(`${where}: ${typeOnly ? "type " : ""}${specifier}`);
      else if (!typeOnly && !allowed.includes(specifier)) outside.push(`${where}: ${specifier}`);
    }
  };
  visit(path.resolve(ROOT, entry));
  return { files: [...seen].map((f) => path.relative(ROOT, f)), outside };
}
