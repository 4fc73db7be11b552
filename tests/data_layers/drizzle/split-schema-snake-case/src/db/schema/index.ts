export * from "./enums";
export * from "./auth";
export * from "./projects";
export * from "./relations";
