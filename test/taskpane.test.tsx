/**
 * @jest-environment jsdom
 */
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { render, screen, within } from "@testing-library/react";
import * as React from "react";
import { PARAMETER_KEYS, resolvePolicy } from "../src/policy";
import { App, AppProps, formatValue, languageOf } from "../src/taskpane/App";

function show(props: AppProps) {
  return render(
    <FluentProvider theme={webLightTheme}>
      <App {...props} />
    </FluentProvider>,
  );
}

const policy = resolvePolicy(2024);

// jsdom has no ResizeObserver; Fluent's MessageBar observes its width to reflow.
beforeAll(() => {
  if (!("ResizeObserver" in window)) {
    Object.assign(window, {
      ResizeObserver: class {
        observe(): void {}
        unobserve(): void {}
        disconnect(): void {}
      },
    });
  }
});

describe("task pane", () => {
  it("is Chinese unless Office's display language is English", () => {
    expect(languageOf("zh-CN")).toBe("zh");
    expect(languageOf(undefined)).toBe("zh");
    expect(languageOf("en-US")).toBe("en");
    expect(languageOf("EN-gb")).toBe("en");
  });

  it("shows the header, the five formulas and every policy parameter in Chinese", () => {
    show({ language: "zh", policy });
    expect(screen.getByRole("heading", { level: 1 }).textContent).toBe("增收帮扶助手");
    expect(screen.getByRole("heading", { name: "公式速查" })).toBeTruthy();
    for (const id of ["TIER", "COURTYARD_SUBSIDY", "FILIAL_MATCH", "PER_CAPITA", "AGE"]) {
      expect(screen.getByText(new RegExp(`^=BANGFU\\.${id}\\(`))).toBeTruthy();
    }
    const table = screen.getByRole("table");
    expect(within(table).getAllByRole("row")).toHaveLength(PARAMETER_KEYS.length + 1);
    const low = table.querySelector('[data-parameter="lowIncomeThreshold"]') as HTMLElement;
    expect(within(low).getByText("11,000")).toBeTruthy();
    expect(within(low).getByText("元/人·年")).toBeTruthy();
    expect(within(low).getByText("二（一）")).toBeTruthy();
  });

  it("marks exactly the unconfirmed local parameters 待确认", () => {
    show({ language: "zh", policy });
    expect(policy.unconfirmed.length).toBeGreaterThan(0);
    const badges = screen.getAllByText("待确认");
    expect(badges).toHaveLength(policy.unconfirmed.length);
    for (const key of policy.unconfirmed) {
      const row = document.querySelector(`[data-parameter="${key}"]`) as HTMLElement;
      expect(within(row).getByText("待确认")).toBeTruthy();
    }
    expect(screen.getByText("有参数待确认")).toBeTruthy();
  });

  it("drops the badge once a policy file confirms the parameters", () => {
    const confirmed = resolvePolicy(2024, {
      source: "test.json",
      years: { 2024: { values: {}, confirm: [...policy.unconfirmed] } },
    });
    show({ language: "zh", policy: confirmed });
    expect(screen.queryByText("待确认")).toBeNull();
  });

  it("switches to English", () => {
    show({ language: "en", policy });
    expect(screen.getByRole("heading", { level: 1 }).textContent).toBe("Income Support Assistant");
    expect(screen.getAllByText("To confirm")).toHaveLength(policy.unconfirmed.length);
    expect(screen.getAllByText("yuan/person/year")).toHaveLength(2);
    expect(screen.getByText("Low-income threshold (per-capita net income below)")).toBeTruthy();
  });

  it("warns outside the plan period", () => {
    show({ language: "zh", policy: resolvePolicy(2030) });
    expect(screen.getByText("不在方案期内")).toBeTruthy();
  });

  it("shows an error in a message bar instead of the table", () => {
    show({ language: "zh", policy: null, error: "参数文件 x.json 有 1 处问题" });
    expect(screen.getByText("出错了")).toBeTruthy();
    expect(screen.getByText("参数文件 x.json 有 1 处问题")).toBeTruthy();
    expect(screen.queryByRole("table")).toBeNull();
  });

  it("formats shares as percentages and amounts with separators", () => {
    expect(formatValue(0.3, "share", "zh")).toBe("30%");
    expect(formatValue(100000, "yuan", "zh")).toBe("100,000");
    expect(formatValue(0.5, "share", "en")).toBe("50%");
  });
});
