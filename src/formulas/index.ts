export * from "./tier";
export * from "./courtyard";
export * from "./filial";
export * from "./income";
export * from "./age";
export * from "./native";
export * from "./formulaText";
