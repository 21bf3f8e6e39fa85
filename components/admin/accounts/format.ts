/** "2024-07-31 09:05" in Beijing time (UTC+8), whatever the server's zone. */
export function beijingTime(d: Date): string {
  return new Date(d.getTime() + 8 * 3600 * 1000).toISOString().slice(0, 16).replace("T", " ");
}
