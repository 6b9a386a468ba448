/**
 * @jest-environment jsdom
 */
/** The offline page's frame in jsdom: what it says about the settings saved in the browser. */
import { cleanup, fireEvent, render, screen } from "@testing-library/react";
import { SETTINGS_KEY, SettingsStorage } from "../../src/web/fileHost";
import { PageApp } from "../../src/web/PageApp";
import type { WorkerClient } from "../../src/web/workerClient";
import { installDomShims } from "../taskpane/helpers";

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
