// Targets published by other departments (corpus.data.ts): each must be read as stated there.
import { describe, expect, it } from "vitest";
import { corpus } from "./corpus.data";
import { parseTarget } from "./index";

const rows = corpus.flatMap((g) => g.rows.map(([name, text, reading]) => ({ department: g.department, name, text, reading })));

describe("targets of other departments", () => {
  it("hold 100+ distinct printings from well over five departments, each with its source", () => {
    expect(new Set(rows.map((r) => `${r.name}\u0000${r.text}`)).size).toBeGreaterThanOrEqual(100);
    expect(corpus.length).toBeGreaterThanOrEqual(5);
    for (const g of corpus) expect(g.source, g.department).toMatch(/^https?:\/\//);
  });

  it.each(rows.map((r) => [r.department, r.name, r.text, r.reading] as const))("%s · %s · %j", (_d, name, text, reading) => {
    expect(parseTarget(text, name)).toMatchObject(reading);
  });

  it("reads all but the one printing it declares unreadable", () => {
    const unread = rows.filter((r) => parseTarget(r.text, r.name).kind === "unparsed").map((r) => r.text);
    expect(unread).toEqual(["每亩300"]);
  });
});
