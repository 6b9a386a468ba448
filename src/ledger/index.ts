export * from "./fields";
export * from "./model";
export * from "./cellRef";
export * from "./headers";
export * from "./values";
export * from "./read";
export { decideLayout, type LayoutEvidence, type LayoutDecision } from "./layout";
export { LedgerBuilder } from "./build";
export { LedgerStream, LEDGER_PROBE_ROWS, type LedgerStreamOptions } from "./stream";
