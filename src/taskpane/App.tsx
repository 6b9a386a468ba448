import { Caption1, makeStyles, Spinner, Tab, TabList, Title3, tokens } from "@fluentui/react-components";
import * as React from "react";
import { EMPTY_SETTINGS, PaneSettings, WorkbookHost } from "../host/types";
import { SUMMARY_TITLES } from "../summaries/model";
import { listenToPane, PaneRequest } from "./bus";
import { CheckState, CheckTab } from "./CheckTab";
import { ErrorBar } from "./ErrorBar";
import { FormulasTab } from "./FormulasTab";
import { Language, STRINGS, Strings } from "./i18n";
import { functionDate1904, functionPolicy, setFunctionDate1904, setFunctionPolicy } from "../functions/policyContext";
import type { Policy } from "../policy";
import { CheckResult, civilDateOf, hostEngine, PaneEngine, policyOf } from "./model";
import { SettingsTab } from "./SettingsTab";
import type { SheetPickerProps } from "./SheetPicker";
import { SummaryTab } from "./SummaryTab";

export { languageOf } from "./i18n";
export type { Language } from "./i18n";

export type TabKey = "check" | "summary" | "settings" | "formulas";

export interface AppProps {
  /** The workbook: Office.js in Excel, an in-memory workbook in tests and the browser harness. */
  readonly host: WorkbookHost;
  readonly language: Language;
  /** The clock (check date, generation time); tests and the harness fix it. */
  readonly now?: () => Date;
  readonly initialTab?: TabKey;
  /** False where the host has no custom functions (WPS before 12.1.0.20540, Excel without CustomFunctionsRuntime 1.1): 公式 says so. */
  readonly customFunctions?: boolean;
  /** Where checks and summaries run; the pane itself, on the host's cells, when absent. */
  readonly engine?: PaneEngine;
  /** Tabs not offered (the offline page has no custom functions at all: no 公式). */
  readonly hiddenTabs?: readonly TabKey[];
  /** The strings, when a host words some of them its own way (the offline page). */
  readonly strings?: Readonly<Record<Language, Strings>>;
  /** No title above the tabs (the host's page has its own). */
  readonly headless?: boolean;
}

const useStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalM,
    paddingTop: tokens.spacingVerticalM,
    paddingBottom: tokens.spacingVerticalXXL,
    paddingLeft: tokens.spacingHorizontalM,
    paddingRight: tokens.spacingHorizontalM,
    maxWidth: "720px",
  },
});

const GENERATED_TABS: ReadonlySet<string> = new Set(Object.values(SUMMARY_TITLES));
const systemClock = () => new Date();

/**
 * The task pane: 检查 / 汇总 / 设置 / 公式. Everything that touches the workbook goes
 * through `host`; ribbon commands reach the pane through ./bus.
 */
export function App({
  host,
  language,
  now = systemClock,
  initialTab = "check",
  customFunctions = true,
  engine: givenEngine,
  hiddenTabs = [],
  strings = STRINGS,
  headless = false,
}: AppProps): React.JSX.Element {
  const styles = useStyles();
  const t = strings[language];
  const engine = React.useMemo(() => givenEngine ?? hostEngine(host), [givenEngine, host]);
  const [tab, setTab] = React.useState<TabKey>(initialTab);
  const [settings, setSettings] = React.useState<PaneSettings | null>(null);
  const [loadError, setLoadError] = React.useState<unknown>(null);
  const [sheets, setSheets] = React.useState<string[]>([]);
  const [sheet, setSheet] = React.useState("");
  const [check, setCheck] = React.useState<CheckState>({ status: "idle" });
  const [lastResult, setLastResult] = React.useState<CheckResult | null>(null);

  // The latest values, for callbacks started by the ribbon or by async work.
  const settingsRef = React.useRef<PaneSettings>(EMPTY_SETTINGS);
  settingsRef.current = settings ?? EMPTY_SETTINGS;

  /** Re-read the sheet list; choose the active sheet when asked (or when the chosen one is gone). */
  const refreshSheets = React.useCallback(
    async (chooseActive: boolean): Promise<void> => {
      const [names, active] = await Promise.all([host.listSheets(), host.activeSheet()]);
      // Generated summary tabs are never ledgers: keep them out of the list.
      const ledgers = names.filter((n) => !GENERATED_TABS.has(n));
      setSheets(ledgers);
      setSheet((current) =>
        !chooseActive && ledgers.includes(current) ? current : ledgers.includes(active) ? active : (ledgers[0] ?? ""),
      );
    },
    [host],
  );

  const showLoadError = React.useCallback((error: unknown) => setLoadError(error), []);

  // Load the saved settings and the sheets once.
  React.useEffect(() => {
    let live = true;
    host.loadSettings().then(
      (loaded) => live && setSettings(loaded),
      (error: unknown) => {
        if (!live) return;
        setLoadError(error); // shown; the pane still works with the defaults
        setSettings(EMPTY_SETTINGS);
      },
    );
    refreshSheets(true).catch(showLoadError);
    return () => {
      live = false;
    };
  }, [host, refreshSheets, showLoadError]);

  // The custom functions run on this page too: give them the policy the settings ask for, so
  // =BANGFU.TIER() and the check agree. Excel keeps a custom function's result until its inputs
  // change, so a changed policy (the workbook's settings loaded, or edited under 设置) is followed
  // by a full recalculation; an unchanged one costs nothing.
  const policyKey = React.useRef(keyOfPolicy(functionPolicy()));
  const [functionsPolicy, setFunctionsPolicy] = React.useState<Policy>(() => functionPolicy());
  React.useEffect(() => {
    if (!settings) return;
    let policy: Policy | null = null;
    try {
      policy = policyOf(settings, civilDateOf(now()));
      setFunctionPolicy(policy);
    } catch (error) {
      setFunctionPolicy(null); // back to the shipped parameters, and say why
      setLoadError(error);
    }
    const current = policy ?? functionPolicy();
    setFunctionsPolicy(current);
    const key = keyOfPolicy(current);
    if (key === policyKey.current) return;
    policyKey.current = key;
    host.recalculate().catch(showLoadError);
  }, [settings, now, host, showLoadError]);

  // The functions on this page read a date argument as a serial of the workbook's date system.
  // Excel may compute them before the workbook has answered, in the 1900 system (the default): a
  // 1904 workbook is recalculated once the answer comes.
  React.useEffect(() => {
    if (!host.usesDate1904) return;
    host
      .usesDate1904()
      .then((date1904) => {
        if (date1904 === functionDate1904()) return;
        setFunctionDate1904(date1904);
        return host.recalculate();
      })
      .catch(showLoadError);
  }, [host, showLoadError]);

  // Functions whose asOf is left out count ages on the day they are computed: when the pane is
  // open past midnight, recalculate so that they count on the new day.
  const [day, setDay] = React.useState(0);
  React.useEffect(() => {
    const timer = setTimeout(() => {
      host.recalculate().catch(showLoadError);
      setDay((d) => d + 1);
    }, msUntilMidnight(now()));
    return () => clearTimeout(timer);
  }, [day, host, now, showLoadError]);

  // Other sheets chosen as side ledgers for the sheet checked (检查 tab), kept while the pane is open.
  const [sides, setSides] = React.useState<string[]>([]);
  const sidesRef = React.useRef<string[]>([]);
  sidesRef.current = sides;

  const runOn = React.useCallback(
    async (name: string) => {
      setCheck({ status: "running", progress: null });
      try {
        const sides = sidesRef.current.filter((s) => s !== name);
        const result = await engine.check({ sheet: name, settings: settingsRef.current, asOf: civilDateOf(now()), sides }, (progress) =>
          setCheck({ status: "running", progress }),
        );
        setLastResult(result);
        setCheck({ status: "done", result });
      } catch (error) {
        setCheck({ status: "error", error });
      }
    },
    [engine, now],
  );

  // Ribbon commands: once the settings are loaded (a check needs them).
  const ready = settings !== null;
  React.useEffect(() => {
    if (!ready) return undefined;
    const handle = (request: PaneRequest) => {
      if (request.kind === "checkActiveSheet") {
        setTab("check");
        host.activeSheet().then(
          (active) => {
            void refreshSheets(true).catch(showLoadError);
            setSheet(active);
            return runOn(active);
          },
          (error: unknown) => setCheck({ status: "error", error }),
        );
      } else {
        setTab("summary");
        refreshSheets(true).catch(showLoadError);
      }
    };
    return listenToPane(handle);
  }, [ready, host, refreshSheets, runOn, showLoadError]);

  const picker: SheetPickerProps = {
    t,
    sheets,
    value: sheet,
    onChange: setSheet,
    onRefresh: () => {
      refreshSheets(true).catch(showLoadError);
    },
  };

  const saveSettings = async (next: PaneSettings) => {
    await host.saveSettings(next);
    setSettings(next);
  };

  return (
    <main className={styles.root} lang={t.locale}>
      {!headless && (
        <header>
          <Title3 as="h1">{t.title}</Title3>
          <Caption1 block>{t.subtitle}</Caption1>
        </header>
      )}
      {loadError !== null && <ErrorBar error={loadError} t={t} onDismiss={() => setLoadError(null)} />}
      <TabList selectedValue={tab} onTabSelect={(_, data) => setTab(data.value as TabKey)} aria-label={t.tabsLabel} size="small">
        <Tab value="check">{t.tabCheck}</Tab>
        <Tab value="summary">{t.tabSummary}</Tab>
        <Tab value="settings">{t.tabSettings}</Tab>
        {!hiddenTabs.includes("formulas") && <Tab value="formulas">{t.tabFormulas}</Tab>}
      </TabList>
      {settings === null ? (
        <Spinner size="small" label={t.loadingSettings} />
      ) : (
        <div
          role="tabpanel"
          aria-label={{ check: t.tabCheck, summary: t.tabSummary, settings: t.tabSettings, formulas: t.tabFormulas }[tab]}
        >
          {tab === "check" && (
            <CheckTab
              host={host}
              language={language}
              t={t}
              picker={picker}
              state={check}
              onRun={() => void runOn(sheet)}
              sides={sides.filter((s) => s !== sheet && sheets.includes(s))}
              onSidesChange={setSides}
            />
          )}
          {tab === "summary" && (
            <SummaryTab
              host={host}
              engine={engine}
              language={language}
              t={t}
              picker={picker}
              settings={settings}
              now={now}
              sides={sides.filter((s) => s !== sheet && sheets.includes(s))}
              onChecked={(result) => {
                setLastResult(result);
                setCheck({ status: "done", result });
              }}
              onWritten={() => {
                refreshSheets(false).catch(showLoadError);
              }}
            />
          )}
          {tab === "settings" && (
            <SettingsTab
              engine={engine}
              language={language}
              t={t}
              settings={settings}
              asOf={civilDateOf(now())}
              picker={picker}
              checkedColumns={lastResult?.columns ?? null}
              onSave={saveSettings}
            />
          )}
          {tab === "formulas" && <FormulasTab language={language} t={t} host={host} policy={functionsPolicy} available={customFunctions} />}
        </div>
      )}
    </main>
  );
}

/** What the functions' results depend on: the values in force (not the year or where they came from). */
function keyOfPolicy(policy: Policy): string {
  return JSON.stringify(policy.values);
}

/** Milliseconds from `date` to the next local midnight (plus a second, to be past it). */
export function msUntilMidnight(date: Date): number {
  const next = new Date(date.getFullYear(), date.getMonth(), date.getDate() + 1, 0, 0, 1);
  return next.getTime() - date.getTime();
}
