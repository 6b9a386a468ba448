import { makeStyles, tokens } from "@fluentui/react-components";

/** The 设置 tab's layout, shared by its sections. */
export const useSettingsStyles = makeStyles({
  stack: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalM },
  row: { display: "flex", flexWrap: "wrap", columnGap: tokens.spacingHorizontalS, rowGap: tokens.spacingVerticalS, alignItems: "flex-end" },
  highlight: { backgroundColor: tokens.colorPaletteYellowBackground1 },
  number: { whiteSpace: "nowrap" },
  editor: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalXS, paddingTop: tokens.spacingVerticalXS },
  mappingSelect: { minWidth: "9em" },
});
