import { MessageBar, MessageBarBody, MessageBarTitle } from "@fluentui/react-components";
import * as React from "react";
import { PLAN_PERIOD, type Policy } from "../policy";
import type { Strings } from "./i18n";

/** A policy year after (or before) the plan uses the nearest year's values: said wherever that policy is shown or used. */
export function PlanPeriodWarning({
  policy,
  t,
}: {
  policy: Pick<Policy, "year" | "outsidePlanPeriod">;
  t: Strings;
}): React.JSX.Element | null {
  if (!policy.outsidePlanPeriod) return null;
  return (
    <MessageBar intent="warning" layout="multiline" data-testid="outside-plan-period">
      <MessageBarBody>
        <MessageBarTitle>{t.outsideTitle}</MessageBarTitle>
        {t.outsideBody(policy.year, PLAN_PERIOD.firstYear, PLAN_PERIOD.lastYear)}
      </MessageBarBody>
    </MessageBar>
  );
}
