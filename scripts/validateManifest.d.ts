/** Types of scripts/validateManifest.js (CommonJS, run by `npm run validate` and the tests). */
export function validateManifest(xml: string, name?: string): string[];
export function main(argv: string[]): number;
