// The one place that reads process.env. Everything else imports `env`.
import { z } from "zod";

const schema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  DATABASE_URL: z
    .string()
    .default("file:./data/jixiao.db")
    .refine((u) => u.startsWith("file:") || /^postgres(ql)?:\/\//.test(u), {
      message: "DATABASE_URL must be file:… (SQLite) or postgresql://… (PostgreSQL)",
    }),
  AUTH_SECRET: z.string().min(16).optional(),
  JIXIAO_ALLOW_RESEED: z.enum(["0", "1"]).default("0"),
});

export type Env = z.infer<typeof schema>;

function load(): Env {
  const parsed = schema.safeParse(process.env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`);
    throw new Error(`Invalid environment:\n${lines.join("\n")}`);
  }
  return parsed.data;
}

export const env = load();
