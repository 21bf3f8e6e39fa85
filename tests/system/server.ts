// A real `next start` of the existing .next build, on its own port and database, that a test can
// SIGKILL and start again. Build first (`npx next build`); scripts/test.sh does it once for all.
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync } from "node:fs";
import { connect } from "node:net";
import path from "node:path";

export const root = path.resolve(import.meta.dirname, "../..");

/** Ports 3320–3339 belong to the system tests (SYSTEM_PORT_BASE moves them). */
export function port(offset: number): number {
  const base = Number(process.env.SYSTEM_PORT_BASE ?? 3320);
  if (offset < 0 || offset > 19) throw new Error(`port offset ${offset} is outside 0–19`);
  return base + offset;
}

export const AUTH_SECRET = "system-test-secret-not-for-production-0123456789";

export type ServerOptions = {
  port: number;
  databaseUrl: string;
  authSecret?: string;
  /** Shared evidence directory (UPLOAD_DIR); several instances must use the same one. */
  uploadDir?: string;
  env?: Record<string, string>;
};

function portOpen(p: number): Promise<boolean> {
  return new Promise((resolve) => {
    const s = connect({ port: p, host: "127.0.0.1" });
    s.once("connect", () => (s.destroy(), resolve(true)));
    s.once("error", () => resolve(false));
  });
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export class AppServer {
  private child: ChildProcess | null = null;
  private exited: Promise<void> = Promise.resolve();
  /** Everything the server printed, over all its lives (shown when a start fails). */
  output = "";
  starts = 0;

  constructor(readonly opts: ServerOptions) {}

  get url(): string {
    return `http://127.0.0.1:${this.opts.port}`;
  }

  get running(): boolean {
    return this.child !== null;
  }

  /** Starts `next start` and waits until /login answers 200. */
  async start(timeoutMs = 60_000): Promise<void> {
    if (this.child) throw new Error("server already running");
    if (!existsSync(path.join(root, ".next", "BUILD_ID"))) throw new Error("no .next build: run `npx next build` first");
    // A leftover server on the port would answer /login and the test would talk to the wrong one.
    if (await portOpen(this.opts.port)) throw new Error(`port ${this.opts.port} is already in use`);
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      NODE_ENV: "production",
      NEXT_TELEMETRY_DISABLED: "1",
      DATABASE_URL: this.opts.databaseUrl,
      AUTH_SECRET: this.opts.authSecret ?? AUTH_SECRET,
      ...this.opts.env,
    };
    if (this.opts.uploadDir) env.UPLOAD_DIR = this.opts.uploadDir;
    const child = spawn(process.execPath, [path.join(root, "node_modules/next/dist/bin/next"), "start", "-p", String(this.opts.port), "-H", "127.0.0.1"], {
      cwd: root,
      env,
      // Its own process group: a kill reaches whatever next start spawns.
      detached: true,
      stdio: ["ignore", "pipe", "pipe"],
    });
    this.starts++;
    this.child = child;
    const tag = `--- start ${this.starts} (pid ${child.pid}) ---\n`;
    this.output += tag;
    child.stdout?.on("data", (d: Buffer) => (this.output += d.toString()));
    child.stderr?.on("data", (d: Buffer) => (this.output += d.toString()));
    this.exited = new Promise((resolve) =>
      child.once("exit", (code, signal) => {
        this.output += `--- exited: ${signal ?? code} ---\n`;
        if (this.child === child) this.child = null;
        resolve();
      }),
    );
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      if (this.child !== child) throw new Error(`next start exited before it was ready:\n${this.output}`);
      try {
        const res = await fetch(`${this.url}/login`, { signal: AbortSignal.timeout(5_000) });
        await res.arrayBuffer();
        if (res.status === 200) return;
      } catch {
        // not listening yet
      }
      await sleep(100);
    }
    await this.kill();
    throw new Error(`next start was not ready within ${timeoutMs} ms:\n${this.output}`);
  }

  /** Kills the server's process group (SIGKILL by default: no shutdown hooks, no flush) and waits for it. */
  async kill(signal: NodeJS.Signals = "SIGKILL"): Promise<void> {
    const child = this.child;
    if (!child?.pid) return;
    try {
      process.kill(-child.pid, signal);
    } catch {
      child.kill(signal);
    }
    await this.exited;
  }

  async restart(): Promise<void> {
    await this.kill();
    await this.start();
  }

  /** A polite stop (SIGTERM), SIGKILL after 5 s. */
  async stop(): Promise<void> {
    const child = this.child;
    if (!child) return;
    const timer = setTimeout(() => void this.kill("SIGKILL"), 5_000);
    await this.kill("SIGTERM");
    clearTimeout(timer);
  }
}
