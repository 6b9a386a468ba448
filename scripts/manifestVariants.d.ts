/** Types of scripts/manifestVariants.js (CommonJS, shared by webpack.config.js and the tests). */
export const TASKPANE_ONLY_ID: string;
export function taskpaneOnlyManifest(xml: string): string;
