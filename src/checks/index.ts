export * from "./types";
export * from "./rules/index";
export * from "./engine";
export * from "./data";
export { reportNotes } from "./reportNotes";
export { householdScope, type ScopeOptions, type ScopeDecision } from "./scope";
