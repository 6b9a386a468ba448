/** One WorkbookHost contract (./contract.ts), three hosts: in memory, Office.js, WPS. */
import { openOfficeWorkbook } from "../office/contractAdapter";
import { openWpsWorkbook } from "../wps/contractAdapter";
import { hostContract } from "./contract";
import { openMemoryWorkbook } from "./memoryAdapter";

hostContract("in-memory workbook", openMemoryWorkbook);
hostContract("Office.js (fake Excel)", openOfficeWorkbook);
hostContract("WPS (fake ET)", openWpsWorkbook);
