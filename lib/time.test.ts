import { describe, expect, it } from "vitest";
import { formatTime, zoneFormatter } from "./time";

describe("formatTime: in the user's time zone", () => {
  // 2024-07-31 01:05:07 UTC is 09:05 the same day in Beijing; 16:30 UTC is past midnight there.
  const morning = new Date("2024-07-31T01:05:07Z");
  const evening = new Date("2024-07-31T16:30:00Z");

  it("prints Beijing time for Asia/Shanghai, whatever the server's zone", () => {
    expect(formatTime(morning, "Asia/Shanghai")).toBe("2024-07-31 09:05");
    expect(formatTime(morning, "Asia/Shanghai", "second")).toBe("2024-07-31 09:05:07");
    expect(formatTime(morning, "Asia/Shanghai", "clock")).toBe("09:05:07");
    expect(formatTime(evening, "Asia/Shanghai", "date")).toBe("2024-08-01");
    expect(formatTime(evening, "UTC", "date")).toBe("2024-07-31");
  });

  it("puts a deadline (23:59:59 in Beijing) on its own day, and midnight at 00, not 24", () => {
    expect(formatTime(new Date("2024-07-10T23:59:59+08:00"), "Asia/Shanghai", "date")).toBe("2024-07-10");
    expect(formatTime(new Date("2024-07-10T00:00:00+08:00"), "Asia/Shanghai")).toBe("2024-07-10 00:00");
  });

  it("follows another zone when configured, and refuses an unknown one", () => {
    expect(formatTime(morning, "Europe/London")).toBe("2024-07-31 02:05");
    expect(() => zoneFormatter("Mars/Olympus")).toThrow(RangeError);
  });
});
