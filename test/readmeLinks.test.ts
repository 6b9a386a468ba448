/**
 * Links inside the README (`[…](#anchor)`) lead to a heading or an explicit anchor: the anchor is
 * the heading as GitHub writes it (lower case, punctuation dropped, spaces as hyphens; a repeated
 * heading gets -1, -2 …). A renamed heading must not leave a cadre's "see …" link dead.
 */
import * as fs from "node:fs";
import * as path from "node:path";

const README = fs.readFileSync(path.join(__dirname, "..", "README.md"), "utf8");

/** GitHub's anchor for a heading's text. */
function headingAnchor(text: string): string {
  return text
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\p{M}\s_-]/gu, "")
    .replace(/\s/g, "-");
}

function anchorsOf(markdown: string): Set<string> {
  const anchors = new Set<string>();
  const seen = new Map<string, number>();
  let fenced = false;
  for (const line of markdown.split("\n")) {
    if (line.startsWith("```")) fenced = !fenced;
    if (fenced) continue;
    const heading = /^#{1,6}\s+(.*)$/.exec(line);
    if (heading) {
      const base = headingAnchor(heading[1].replace(/`/g, ""));
      const n = seen.get(base) ?? 0;
      seen.set(base, n + 1);
      anchors.add(n === 0 ? base : `${base}-${n}`);
    }
    for (const m of line.matchAll(/<a id="([^"]+)"><\/a>/g)) anchors.add(m[1]);
  }
  return anchors;
}

test("GitHub's anchor of a heading", () => {
  expect(headingAnchor("离线网页版：不安装、不联网")).toBe("离线网页版不安装不联网");
  expect(headingAnchor("在 WPS 表格中使用")).toBe("在-wps-表格中使用");
  expect(headingAnchor("Offline page (no install, no network)")).toBe("offline-page-no-install-no-network");
});

test("every link to a place in the README finds it", () => {
  const anchors = anchorsOf(README);
  const links = [...README.matchAll(/\]\(#([^)]+)\)/g)].map((m) => decodeURIComponent(m[1]));
  expect(links.length).toBeGreaterThan(10);
  expect(links.filter((link) => !anchors.has(link))).toEqual([]);
});
