/**
 * @jest-environment jsdom
 */
/** The 检查 tab joins other sheets of the workbook as side ledgers; the 设置 tab widens the scope to every monitored household. */
import { cleanup, fireEvent, screen, waitFor } from "@testing-library/react";
import { mainSheet, realLayoutFixtures } from "../support/realLedgers";
import { installDomShims, paneReady, showPane, workbook } from "./helpers";

beforeAll(installDomShims);
afterEach(cleanup);

const fixtures = realLayoutFixtures();
const NATIONAL = mainSheet(fixtures.nationalMonitoring);
const PAIRING = mainSheet(fixtures.pairing);

function host() {
  return workbook([
    { name: NATIONAL.name, cells: NATIONAL.cells as unknown[][] },
    { name: PAIRING.name, cells: PAIRING.cells as unknown[][] },
  ]);
}

async function check(): Promise<void> {
  fireEvent.click(screen.getByRole("button", { name: "开始检查" }));
  await screen.findByText(/^共 10 户 26 人/);
}

describe("side ledgers in the 检查 tab", () => {
  it("offers the other sheets; a ticked one is read and joined, and the results say what it gave", async () => {
    const workbookHost = host();
    showPane(workbookHost);
    await paneReady(NATIONAL.name);
    const box = screen.getByRole("checkbox", { name: PAIRING.name });
    expect(screen.queryByRole("checkbox", { name: NATIONAL.name })).toBeNull();

    await check();
    expect(workbookHost.calls).not.toContain(`readSheet(${PAIRING.name})`);
    // Without the pairing export there is no cadre column: M01 is skipped.
    expect(screen.getByText(/M01[\s\S]*已跳过|缺少列：增收帮扶责任人/)).toBeTruthy();

    fireEvent.click(box);
    await check();
    expect(workbookHost.calls).toContain(`readSheet(${PAIRING.name})`);
    expect(screen.getByText(/^并入附表 工作表“帮扶责任人结对查询”.*按户主证件号码对上8户，8户取得了：增收帮扶责任人。$/)).toBeTruthy();
    expect(screen.getByText(/^读法：按人登记：“与户主关系”列有16行是户主以外的成员$/)).toBeTruthy();
    // M01 now runs: household 7 has no pairing row.
    expect(screen.getByRole("heading", { name: /^M01 低收入户未明确增收帮扶责任人（1）$/ })).toBeTruthy();
    // The household outside the plan's scope is named apart.
    expect(screen.getByText(/^另有1户不属方案所称的脱贫户.*3704021010010006/)).toBeTruthy();
  });

  it("the 设置 tab's scope box is saved and widens the next check to monitored households whose risk was removed", async () => {
    const workbookHost = host();
    showPane(workbookHost);
    await paneReady(NATIONAL.name);
    fireEvent.click(screen.getByRole("tab", { name: "设置" }));
    fireEvent.click(screen.getByRole("checkbox", { name: "风险已消除的监测户也按脱贫户检查" }));
    await waitFor(async () => expect((await workbookHost.loadSettings()).includeMonitored).toBe(true));
    fireEvent.click(screen.getByRole("tab", { name: "检查" }));
    await check();
    expect(screen.queryByText(/^另有1户不属方案所称的脱贫户/)).toBeNull();
  });
});
