export * from "./enums";
export * from "./agencies";
export * from "./staff";
export * from "./cases";
export * from "./objects";
export * from "./tips";
export * from "./routing";
export * from "./audit";
