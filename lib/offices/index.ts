// Offices (处室/单位): the one resolver of office names in indicator names and lists. Pure.
export * from "./client";
