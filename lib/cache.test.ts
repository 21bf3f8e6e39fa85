import { describe, expect, it } from "vitest";
import { staleWhileRevalidate } from "./cache";

describe("stale-while-revalidate cache", () => {
  it("computes once for concurrent callers, serves fresh values, then stale ones while one refresh runs", async () => {
    let t = 0;
    let calls = 0;
    let release: () => void = () => {};
    const get = staleWhileRevalidate(60_000, async (k) => {
      calls++;
      if (calls === 2) await new Promise<void>((r) => (release = r));
      return `${k}#${calls}`;
    }, 32, () => t);
    const [a, b] = await Promise.all([get("2024/6"), get("2024/6")]);
    expect([a.value, b.value, calls]).toEqual(["2024/6#1", "2024/6#1", 1]);
    t = 59_999;
    expect((await get("2024/6")).value).toBe("2024/6#1");
    t = 60_000; // stale: served at once, one refresh starts
    expect((await get("2024/6")).value).toBe("2024/6#1");
    expect((await get("2024/6")).value).toBe("2024/6#1");
    expect(calls).toBe(2);
    release();
    await new Promise((r) => setTimeout(r, 0));
    const c = await get("2024/6");
    expect(c.value).toBe("2024/6#2");
    expect(c.computedAt.getTime()).toBe(60_000);
  });

  it("keeps at most maxKeys entries, dropping the least recently computed", async () => {
    const get = staleWhileRevalidate(1000, (k) => Promise.resolve(k), 2, () => 0);
    await get("a");
    await get("b");
    await get("c");
    let computed = 0;
    const spy = staleWhileRevalidate(1000, (k) => Promise.resolve((computed++, k)), 2, () => 0);
    for (const k of ["a", "b", "c", "a"]) await spy(k);
    expect(computed).toBe(4); // "a" was evicted by "c" and computed again
    expect((await get("c")).value).toBe("c");
  });

  it("a failed computation is not cached", async () => {
    let fail = true;
    const get = staleWhileRevalidate(1000, () => (fail ? Promise.reject(new Error("database down")) : Promise.resolve(1)));
    await expect(get("k")).rejects.toThrow("database down");
    fail = false;
    expect((await get("k")).value).toBe(1);
  });
});
