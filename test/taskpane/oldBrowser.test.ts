/**
 * @jest-environment jsdom
 */
/**
 * taskpane.html's inline check for the webviews of volume-licensed Office 2016/2019 (Internet
 * Explorer 11, ES5 only) and of Office without WebView2 (EdgeHTML): it must itself be ES5, say in
 * Chinese what to use instead (in English too where Office runs in English), and stay silent in a
 * current browser, where the bundle runs.
 */
import { parse } from "acorn";
import { readFileSync } from "fs";
import path from "path";
import vm from "vm";

const TEMPLATE = readFileSync(path.join(__dirname, "../../src/taskpane/taskpane.html"), "utf8");

function inlineCheck(): string {
  const match = /<script id="bangfu-browser-check">([\s\S]*?)<\/script>/.exec(TEMPLATE);
  if (!match) throw new Error("taskpane.html has no #bangfu-browser-check script");
  return match[1];
}

/** What Internet Explorer 11 says of ES2015+ syntax in `new Function`. */
function ie11Function(): never {
  throw new SyntaxError("Expected identifier, string or number");
}

interface FakeWindow {
  document: Document;
  Function: unknown;
  SyntaxError: unknown;
  Object: unknown;
  Promise?: unknown;
  Map?: unknown;
  Set?: unknown;
  Symbol?: unknown;
  Office?: unknown;
  bangfuBrowserTooOld?: boolean;
}

/** Internet Explorer 11 as the check sees it: ES5 syntax only, no Promise, Map without iterators… */
function ie11(office?: unknown): FakeWindow {
  return { document, Function: ie11Function, SyntaxError, Object: { keys: Object.keys }, Map: function Map() {}, Office: office };
}

/** A current browser: this test's own engine and built-ins. */
function current(): FakeWindow {
  return { document, Function, SyntaxError, Object, Promise, Map, Set, Symbol };
}

/** Run the check with nothing but `window` in scope, as a classic script would see it. */
function run(window: FakeWindow): void {
  vm.runInContext(inlineCheck(), vm.createContext({ window }));
}

function officeIn(displayLanguage: string) {
  const ready: Array<() => void> = [];
  return {
    office: { onReady: (callback: () => void) => void ready.push(callback), context: { displayLanguage } },
    ready: () => ready.forEach((f) => f()),
  };
}

beforeEach(() => {
  document.body.innerHTML = '<div id="container"></div>';
});

const container = () => document.getElementById("container")!;

describe("taskpane.html's check for browsers too old to run the pane", () => {
  it("is ES5, as Internet Explorer 11 parses it", () => {
    expect(() => parse(inlineCheck(), { ecmaVersion: 5 })).not.toThrow();
    // And it comes after #container and before nothing that runs first: the bundles are deferred.
    expect(TEMPLATE.indexOf('id="bangfu-browser-check"')).toBeGreaterThan(TEMPLATE.indexOf('id="container"'));
  });

  it("in Internet Explorer 11 (Office 2016/2019 volume-licensed): a Chinese message that says what works instead", () => {
    const window = ie11();
    run(window);
    const text = container().textContent ?? "";
    expect(window.bangfuBrowserTooOld).toBe(true);
    expect(container().getAttribute("role")).toBe("alert");
    expect(text).toMatch(/浏览器太旧/);
    expect(text).toMatch(/Office 2016、2019/);
    expect(text).toMatch(/bangfu\.html/);
    expect(text).toMatch(/WPS/);
    expect(text).toMatch(/npx bangfu check/);
    expect(text).toMatch(/Office 2021 或更新版本、Microsoft 365.*WebView2/);
    // No English while Office's language is unknown.
    expect(container().querySelector('[lang="en"]')).toBeNull();
  });

  it("in English where Office runs in English (Office.context.displayLanguage), Chinese only otherwise", () => {
    const english = officeIn("en-US");
    run(ie11(english.office));
    expect(container().querySelector('[lang="en"]')).toBeNull();
    english.ready();
    expect(container().querySelector('[lang="en"]')?.textContent).toMatch(
      /too old to run BANGFU.*bangfu\.html.*WPS.*command line.*WebView2/,
    );
    expect(container().textContent).toMatch(/浏览器太旧/);

    document.body.innerHTML = '<div id="container"></div>';
    const chinese = officeIn("zh-CN");
    run(ie11(chinese.office));
    chinese.ready();
    expect(container().querySelector('[lang="en"]')).toBeNull();
    expect(container().textContent).toMatch(/浏览器太旧/);
  });

  it("an engine that parses ES2020 but lacks a built-in the bundle needs is too old as well", () => {
    const window = { ...current(), Promise: undefined };
    run(window);
    expect(window.bangfuBrowserTooOld).toBe(true);
    expect(container().textContent).toMatch(/浏览器太旧/);
  });

  it("in a current browser (WebView2, Chrome): nothing is shown and the pane starts", () => {
    const window = current();
    run(window);
    expect(window.bangfuBrowserTooOld).toBeUndefined();
    expect(container().childNodes).toHaveLength(0);
    expect(container().getAttribute("role")).toBeNull();
  });

  it("a policy that forbids eval (not a syntax error) is not taken for an old browser", () => {
    const window = {
      ...current(),
      Function: () => {
        throw new EvalError("Refused to evaluate a string as JavaScript");
      },
    };
    run(window);
    expect(window.bangfuBrowserTooOld).toBeUndefined();
    expect(container().childNodes).toHaveLength(0);
  });
});
