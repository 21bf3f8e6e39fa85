import "server-only";
import { chromium, type Browser } from "playwright-core";
import { env } from "../../env";
import type { Sheet } from "../sheet";
import { PAGE_MARGIN, sheetsToHtml } from "./html";

// PDF through Chromium: the HTML renderer's document printed on A4 with page numbers. One browser
// per process, launched on first use and reused (a launch costs far more than a page); each PDF
// gets a context of its own, closed afterwards, so documents never share state.

const FOOTER = `<div style="width:100%;font-size:9px;text-align:center;font-family:'Noto Serif CJK SC','Noto Sans CJK SC','SimSun',serif;color:#000;">第 <span class="pageNumber"></span> 页，共 <span class="totalPages"></span> 页</div>`;
/** A browser unused this long is closed (relaunched on the next PDF), so it holds no memory idle. */
const IDLE_MS = 60_000;

let browser: Promise<Browser> | null = null;
let active = 0;
let idleTimer: NodeJS.Timeout | null = null;

function launch(): Promise<Browser> {
  const p = chromium.launch({
    executablePath: env.CHROMIUM_PATH,
    args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking"],
  });
  browser = p;
  p.then(
    (b) => b.on("disconnected", () => void (browser === p && (browser = null))),
    () => void (browser === p && (browser = null)), // a failed launch is retried by the next call
  );
  return p;
}

async function currentBrowser(): Promise<Browser> {
  const p = browser ?? launch();
  const b = await p;
  if (b.isConnected()) return b;
  if (browser === p) browser = null;
  return browser ?? launch();
}

/** Closes the shared browser, if any: a command-line run calls this before it exits. */
export async function closePdfBrowser(): Promise<void> {
  if (idleTimer) clearTimeout(idleTimer);
  idleTimer = null;
  const p = browser;
  browser = null;
  if (p) await p.then((b) => b.close()).catch(() => undefined);
}

/** Prints a standalone HTML document to an A4 PDF; CSS @page sizes (per sheet) take precedence. */
export async function htmlToPdf(html: string, opts: { landscape: boolean }): Promise<Buffer> {
  if (idleTimer) clearTimeout(idleTimer);
  idleTimer = null;
  active++;
  try {
    const b = await currentBrowser();
    const context = await b.newContext({ javaScriptEnabled: false, offline: true });
    try {
      const page = await context.newPage();
      await page.setContent(html, { waitUntil: "load" });
      await page.emulateMedia({ media: "print" });
      return await page.pdf({
        format: "A4",
        landscape: opts.landscape,
        printBackground: true,
        preferCSSPageSize: true,
        displayHeaderFooter: true,
        headerTemplate: "<span></span>",
        footerTemplate: FOOTER,
        margin: PAGE_MARGIN,
      });
    } finally {
      await context.close().catch(() => undefined);
    }
  } finally {
    active--;
    if (active === 0) {
      idleTimer = setTimeout(() => void closePdfBrowser(), IDLE_MS);
      idleTimer.unref();
    }
  }
}

/** Sheets as one PDF (each sheet in its own orientation, a new page for each). */
export function sheetsToPdf(sheets: Sheet[], title: string): Promise<Buffer> {
  return htmlToPdf(sheetsToHtml(sheets, { title }), { landscape: sheets.some((s) => s.orientation === "landscape") });
}
