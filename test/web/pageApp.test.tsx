/**
 * @jest-environment jsdom
 */
/**
 * The offline page's frame in jsdom: what it says about the settings saved in the browser, about
 * several files dropped at once, and about the other ledger sheets of a file after a check.
 */
import "../support/textDecoderShim"; // before the reader's and the writer's modules
import { createDOMRenderer, RendererProvider } from "@fluentui/react-components";
import { cleanup, fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import type { CheckRequest, CheckResult, DetectedColumns, GenerateRequest } from "../../src/taskpane/model";
import { SETTINGS_KEY, SettingsStorage } from "../../src/web/fileHost";
import { PageApp } from "../../src/web/PageApp";
import type { GeneratedWorkbook, OpenedWorkbook, SideFileInfo } from "../../src/web/protocol";
import { PageSession, probeSideFile } from "../../src/web/session";
import type { WorkerClient } from "../../src/web/workerClient";
import { installDomShims, NOW, paneReady } from "../taskpane/helpers";
import { buildXlsx, SheetSpec } from "../support/xlsxPackage";

beforeAll(installDomShims);
afterEach(cleanup);

const holding = (text: string): SettingsStorage => ({ getItem: (key) => (key === SETTINGS_KEY ? text : null), setItem: () => undefined });
const noWorker = (): WorkerClient => {
  throw new Error("no file is opened in these tests");
};

describe("settings saved in the browser", () => {
  test(
    "damaged: the page says, once and in Chinese, that they could not be read and the defaults " + "are used; the notice can be closed",
    () => {
      render(<PageApp initialLanguage="zh" storage={holding('{"policyYear":2025,"mapp')} startWorker={noWorker} />);
      const notices = screen.getAllByTestId("settings-unreadable");
      expect(notices).toHaveLength(1);
      expect(notices[0].textContent).toContain("浏览器中保存的设置无法读取");
      expect(notices[0].textContent).toContain("本次使用默认设置");
      fireEvent.click(screen.getByRole("button", { name: "关闭提示" }));
      expect(screen.queryByTestId("settings-unreadable")).toBeNull();
    },
  );

  test("readable: nothing is said", () => {
    render(
      <PageApp initialLanguage="zh" storage={holding('{"policyYear":2025,"policyJson":null,"mappings":{}}')} startWorker={noWorker} />,
    );
    expect(screen.queryByTestId("settings-unreadable")).toBeNull();
  });
});

/**
 * The worker's steps (PageSession) run in the test's own thread, behind the client's methods: the
 * page opens and checks real workbook bytes without a Worker. Records the files it is asked to open.
 */
class InThreadClient {
  readonly opened: string[] = [];
  private readonly session = new PageSession();

  open(file: File): Promise<OpenedWorkbook> {
    this.opened.push(file.name);
    return this.session.open(file);
  }
  probeSide(file: File): Promise<SideFileInfo> {
    return probeSideFile(file);
  }
  check(request: CheckRequest, sideFiles: readonly File[]): Promise<CheckResult> {
    return this.session.check({ ...request, sideFiles });
  }
  generate(request: GenerateRequest, sideFiles: readonly File[]): Promise<GeneratedWorkbook> {
    return this.session.generate({ ...request, sideFiles });
  }
  detect(sheet: string): Promise<DetectedColumns> {
    return this.session.detect(sheet);
  }
  terminate(): void {}
}

/** A village's sheet: a header and one made-up household. */
const village = (key: string, name: string): SheetSpec["rows"] => [
  ["户编号", "姓名", "人均纯收入"],
  [key, name, 9000],
];
const xlsxFile = (name: string, sheets: readonly SheetSpec[]) => new File([buildXlsx({ sheets }).slice()], name);

/** The page with the in-thread client, its CSS left out but for what hides (as showPane in ../taskpane/helpers.tsx does, for speed). */
function showPage(client: InThreadClient): void {
  const renderer = createDOMRenderer(document, { unstable_filterCSSRule: (rule) => /display:\s*none|visibility:\s*hidden/.test(rule) });
  render(
    <RendererProvider renderer={renderer} targetDocument={document}>
      <PageApp initialLanguage="zh" storage={null} startWorker={() => client as unknown as WorkerClient} now={() => NOW} />
    </RendererProvider>,
  );
}

/** Drop files on the page, as a file manager does (jsdom has no DataTransfer: the event carries the list). */
const drop = (files: readonly File[]) => fireEvent.drop(window, { dataTransfer: { files } });

/** Once the file is open, press 开始检查 on the sheet the page chose, and wait for the result's summary line. */
async function checkChosenSheet(sheet: string): Promise<void> {
  await screen.findByTestId("file-name");
  await paneReady(sheet);
  fireEvent.click(screen.getByRole("button", { name: "开始检查" }));
  await screen.findByText(/^共 1 户 1 人/);
}

describe("a workbook with one ledger sheet per village", () => {
  jest.setTimeout(120_000); // the whole page is rendered and a real workbook checked

  test("after a check, the other sheets holding a ledger are named: not the notes, not the empty Sheet3", async () => {
    const client = new InThreadClient();
    showPage(client);
    drop([
      xlsxFile("villages.xlsx", [
        { name: "一村", rows: village("H1", "赵一") },
        { name: "说明", rows: [["填表说明"], ["本表为合成数据，每村一个工作表"]] },
        { name: "二村", rows: village("H2", "钱二") },
        { name: "Sheet3", rows: [] },
      ]),
    ]);
    await checkChosenSheet("一村");
    expect(screen.getByTestId("other-ledger-sheets").textContent).toBe(
      "文件中还有其他台账工作表：“二村”，本次只检查了“一村”。在上方选择工作表即可检查它们。",
    );
    expect(screen.queryByTestId("dropped-several")).toBeNull(); // one file dropped: nothing to say about it
  });

  test("a workbook with one ledger sheet: no such note", async () => {
    const client = new InThreadClient();
    showPage(client);
    drop([
      xlsxFile("single.xlsx", [
        { name: "台账", rows: village("H1", "赵一") },
        { name: "说明", rows: [["填表说明"]] },
      ]),
    ]);
    await checkChosenSheet("台账");
    expect(screen.queryByTestId("other-ledger-sheets")).toBeNull();
  });
});

describe("several files dropped at once", () => {
  jest.setTimeout(120_000);

  test("the first is opened, and the page says how many were dropped, which was opened and what to do with the others", async () => {
    const client = new InThreadClient();
    showPage(client);
    drop([
      xlsxFile("一村.xlsx", [{ name: "台账", rows: village("H1", "赵一") }]),
      xlsxFile("二村.xlsx", [{ name: "台账", rows: village("H2", "钱二") }]),
    ]);
    expect((await screen.findByTestId("file-name")).textContent).toContain("一村.xlsx");
    expect(client.opened).toEqual(["一村.xlsx"]);
    const notice = screen.getByTestId("dropped-several").textContent ?? "";
    expect(notice).toContain("一次拖入了 2 个文件，只打开了第一个“一村.xlsx”");
    expect(notice).toContain("“附表文件（可选）”中点“添加附表文件…”"); // the side-file section's own words
    expect(notice).toContain("逐个拖入或选择打开");
    // Closed with its button; one file dropped after says nothing.
    fireEvent.click(within(screen.getByTestId("dropped-several")).getByRole("button", { name: "关闭提示" }));
    expect(screen.queryByTestId("dropped-several")).toBeNull();
    drop([xlsxFile("三村.xlsx", [{ name: "台账", rows: village("H3", "孙三") }])]);
    await waitFor(() => expect(screen.getByTestId("file-name").textContent).toContain("三村.xlsx"));
    expect(screen.queryByTestId("dropped-several")).toBeNull();
    expect(client.opened).toEqual(["一村.xlsx", "三村.xlsx"]);
  });
});
