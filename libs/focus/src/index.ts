export {
  COLUMNS_INTRODUCED_IN,
  FOCUS_VERSIONS,
  KNOWN_COLUMNS,
  MANDATORY_COLUMNS,
  OPTIONAL_COLUMNS_1_0,
  detectFocusVersion,
  type FocusVersion,
} from './focus-columns';
export { type FocusRecord, type FocusRow, type FocusRowError } from './focus-row';
export { CHARGE_CATEGORIES } from './focus-row.validator';
export { FocusFormatError } from './focus.errors';
export { readFocus } from './read-focus';
