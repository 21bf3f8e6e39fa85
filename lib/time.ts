// Times as users read them: in their time zone (TIME_ZONE, Asia/Shanghai by default), whatever
// the server's own zone. Dates are stored as instants (UTC); a deadline of 10 July is the instant
// 2024-07-10 23:59:59 in Beijing, so printing its UTC date would only be right by luck.

export type TimePart = "date" | "minute" | "second" | "clock";

const formatters = new Map<string, Intl.DateTimeFormat>();

/** Throws RangeError for a zone the runtime does not know (lib/env.ts checks TIME_ZONE with it). */
export function zoneFormatter(zone: string): Intl.DateTimeFormat {
  let f = formatters.get(zone);
  if (!f) {
    f = new Intl.DateTimeFormat("en-CA", { timeZone: zone, year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit", second: "2-digit", hourCycle: "h23" });
    formatters.set(zone, f);
  }
  return f;
}

/**
 * "2024-07-31" (date), "2024-07-31 09:05" (minute), "2024-07-31 09:05:07" (second) or "09:05:07"
 * (clock) in `zone`.
 */
export function formatTime(d: Date, zone: string, part: TimePart = "minute"): string {
  const p = Object.fromEntries(zoneFormatter(zone).formatToParts(d).map((x) => [x.type, x.value]));
  const date = `${p.year}-${p.month}-${p.day}`;
  const clock = `${p.hour}:${p.minute}:${p.second}`;
  if (part === "date") return date;
  if (part === "clock") return clock;
  return part === "second" ? `${date} ${clock}` : `${date} ${p.hour}:${p.minute}`;
}
