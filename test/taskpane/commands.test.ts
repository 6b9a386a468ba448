/**
 * The ribbon's ExecuteFunction commands and the channel to the pane, with a stand-in for the
 * Office global (Office.onReady, Office.actions.associate, Office.addin.showAsTaskpane).
 */
import { listenToPane, PaneRequest, sendToPane } from "../../src/taskpane/bus";

interface FakeOffice {
  onReady: jest.Mock;
  actions: { associate: jest.Mock };
  addin: { showAsTaskpane: jest.Mock };
}

function installOffice(): FakeOffice {
  const office: FakeOffice = {
    onReady: jest.fn((callback?: () => void) => {
      callback?.();
      return Promise.resolve({ host: "Excel", platform: "PC" });
    }),
    actions: { associate: jest.fn() },
    addin: { showAsTaskpane: jest.fn(() => Promise.resolve()) },
  };
  (globalThis as unknown as { Office: FakeOffice }).Office = office;
  return office;
}

afterEach(() => {
  delete (globalThis as { Office?: unknown }).Office;
  jest.resetModules();
});

function loadCommands(): typeof import("../../src/commands/commands") {
  let loaded: typeof import("../../src/commands/commands") | undefined;
  jest.isolateModules(() => {
    loaded = jest.requireActual<typeof import("../../src/commands/commands")>("../../src/commands/commands");
  });
  if (!loaded) throw new Error("commands did not load");
  return loaded;
}

describe("ribbon commands", () => {
  it("register 检查本表, 生成汇总 and 打开助手 with Office when Office is ready", () => {
    const office = installOffice();
    loadCommands();
    expect(office.onReady).toHaveBeenCalled();
    expect(office.actions.associate.mock.calls.map((c) => c[0])).toEqual(["showTaskpane", "checkActiveSheet", "showSummaries"]);
    for (const call of office.actions.associate.mock.calls) expect(typeof call[1]).toBe("function");
  });

  it("检查本表 asks the pane to check the active sheet, shows the pane and completes the event", async () => {
    const office = installOffice();
    const { checkActiveSheet, showSummaries, showTaskpane } = loadCommands();
    const received: PaneRequest[] = [];
    const stop = listenToPane((r) => received.push(r));
    const event = { completed: jest.fn() };
    await checkActiveSheet(event as unknown as Office.AddinCommands.Event);
    expect(received).toEqual([{ kind: "checkActiveSheet" }]);
    expect(office.addin.showAsTaskpane).toHaveBeenCalledTimes(1);
    expect(event.completed).toHaveBeenCalledTimes(1);
    await showSummaries(event as unknown as Office.AddinCommands.Event);
    await showTaskpane(event as unknown as Office.AddinCommands.Event);
    expect(received).toEqual([{ kind: "checkActiveSheet" }, { kind: "showSummaries" }]);
    expect(event.completed).toHaveBeenCalledTimes(3);
    stop();
  });

  it("still completes the event when the pane cannot be shown, and lets the failure through", async () => {
    const office = installOffice();
    office.addin.showAsTaskpane.mockRejectedValueOnce(new Error("no pane"));
    const { checkActiveSheet } = loadCommands();
    const stop = listenToPane(() => undefined);
    const event = { completed: jest.fn() };
    await expect(checkActiveSheet(event as unknown as Office.AddinCommands.Event)).rejects.toThrow("no pane");
    expect(event.completed).toHaveBeenCalledTimes(1);
    stop();
  });

  it("registers nothing outside Office", () => {
    expect(() => loadCommands()).not.toThrow();
  });
});

describe("pane channel", () => {
  it("queues requests until the pane listens, then delivers them in order", () => {
    sendToPane({ kind: "showSummaries" });
    sendToPane({ kind: "checkActiveSheet" });
    const received: PaneRequest[] = [];
    const stop = listenToPane((r) => received.push(r));
    expect(received).toEqual([{ kind: "showSummaries" }, { kind: "checkActiveSheet" }]);
    sendToPane({ kind: "checkActiveSheet" });
    expect(received).toHaveLength(3);
    stop();
    sendToPane({ kind: "showSummaries" }); // queued again
    const later: PaneRequest[] = [];
    listenToPane((r) => later.push(r))();
    expect(later).toEqual([{ kind: "showSummaries" }]);
  });

  it("is shared through globalThis, so the commands bundle and the pane bundle meet", () => {
    const received: PaneRequest[] = [];
    const stop = listenToPane((r) => received.push(r));
    let other: typeof import("../../src/taskpane/bus") | undefined;
    jest.isolateModules(() => {
      // a second module instance, as in another webpack entry
      other = jest.requireActual<typeof import("../../src/taskpane/bus")>("../../src/taskpane/bus");
    });
    other?.sendToPane({ kind: "checkActiveSheet" });
    expect(received).toEqual([{ kind: "checkActiveSheet" }]);
    stop();
  });
});
