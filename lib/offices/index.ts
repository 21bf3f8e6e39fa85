// The offices module's door (处室/单位): the one resolver of office names in indicator names and
// lists, and the offices with their aliases (list, create, rename, aliases). Server only: client
// components and pure code import the pure part, `lib/offices/client`.
export * from "./client";
export * from "./orgs";
