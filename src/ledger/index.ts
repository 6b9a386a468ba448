export * from "./fields";
export * from "./model";
export * from "./cellRef";
export * from "./headers";
export * from "./values";
export * from "./read";
