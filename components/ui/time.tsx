import { env } from "@/lib/env";
import { formatTime, type TimePart } from "@/lib/time";

/** A time as text in the users' time zone (TIME_ZONE), for messages and form values. */
export function timeText(d: Date, part: TimePart = "minute"): string {
  return formatTime(d, env.TIME_ZONE, part);
}

/** A time on a page: the users' time zone on screen, the instant in the markup. */
export function Time({ value, part = "minute" }: { value: Date; part?: TimePart }) {
  return <time dateTime={value.toISOString()} className="tabular-nums">{timeText(value, part)}</time>;
}
