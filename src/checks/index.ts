export * from "./types";
export * from "./rules/index";
export * from "./engine";
export * from "./data";
