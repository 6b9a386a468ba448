/**
 * `npm run docs`: write the documents generated from the code (docs/rules.md, docs/parameters.md,
 * docs/policy.schema.json, docs/columns.md) and the generated sections of the README.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { generatedFiles, README, readmeSections, withSections } from "./docs";

const ROOT = path.join(__dirname, "..");

for (const file of generatedFiles()) {
  const target = path.join(ROOT, file.path);
  fs.mkdirSync(path.dirname(target), { recursive: true });
  fs.writeFileSync(target, file.content);
  process.stdout.write(`已写入 ${file.path}\n`);
}
const readmePath = path.join(ROOT, README);
fs.writeFileSync(readmePath, withSections(fs.readFileSync(readmePath, "utf8"), readmeSections()));
process.stdout.write(`已更新 ${README} 中生成的部分\n`);
