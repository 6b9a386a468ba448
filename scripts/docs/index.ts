/**
 * Every generated document, from the code's own tables: `npm run docs` writes them
 * (scripts/make-docs.ts) and test/docs.test.ts fails when a committed one differs.
 */
import { columnsPage } from "./columns";
import { parametersPage, SAMPLE_POLICY_FILE, SAMPLE_POLICY_PATH } from "./parameters";
import { readmeRuleTable, rulesPage } from "./rules";
import { policySchema, SCHEMA_PATH } from "./schema";

export interface GeneratedFile {
  /** Path from the repository root. */
  readonly path: string;
  readonly content: string;
}

/** A generated section of the README, between its two markers. */
export interface ReadmeSection {
  readonly name: string;
  readonly content: string;
}

export function generatedFiles(): GeneratedFile[] {
  return [
    { path: "docs/rules.md", content: rulesPage() },
    { path: "docs/parameters.md", content: parametersPage() },
    { path: SCHEMA_PATH, content: `${JSON.stringify(policySchema(), null, 2)}\n` },
    { path: "docs/columns.md", content: columnsPage() },
    { path: SAMPLE_POLICY_PATH, content: `${JSON.stringify(SAMPLE_POLICY_FILE, null, 2)}\n` },
  ];
}

export function readmeSections(): ReadmeSection[] {
  return [{ name: "rules", content: readmeRuleTable() }];
}

export const README = "README.md";

const begin = (name: string) => `<!-- BEGIN GENERATED ${name}: npm run docs -->`;
const end = (name: string) => `<!-- END GENERATED ${name} -->`;

/** The README with each generated section replaced; a missing marker is an error. */
export function withSections(readme: string, sections: readonly ReadmeSection[]): string {
  let text = readme;
  for (const section of sections) {
    const start = text.indexOf(begin(section.name));
    const stop = text.indexOf(end(section.name));
    if (start < 0 || stop < start) throw new Error(`${README}: markers of the generated section "${section.name}" not found`);
    text = `${text.slice(0, start)}${begin(section.name)}\n${section.content}\n${text.slice(stop)}`;
  }
  return text;
}
