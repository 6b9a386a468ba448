export * from "./errors";
export * from "./text";
export * from "./numbers";
export * from "./dates";
export * from "./idNumber";
export * from "./disability";
export * from "./format";
export * from "./limits";
