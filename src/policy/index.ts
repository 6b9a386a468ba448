export * from "./parameters";
export * from "./policy";
export * from "./actions";
export * from "./plan";
export * from "./prose";
export * from "./fileText";
