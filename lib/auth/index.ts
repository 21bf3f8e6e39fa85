// The auth module's door: the session (Auth.js) and, below, the signed-in user, scope and passwords.
export * from "./session";
