export * from "./parameters";
export * from "./policy";
