import { AnyField, ListKind } from './fields';
import { UnknownReason } from './values';

/** SPEC §4 issue kinds. */
export type IssueKind =
  | 'unknown_value'
  | 'unknown_unit'
  | 'unknown_kind'
  | 'duplicate_unit'
  | 'missing_column'
  | 'bad_year'
  | 'unreadable_sheet'
  | 'hidden_sheet';

/** Why, more precisely than the kind: the message catalogue has a sentence for each. */
export type IssueReason =
  | UnknownReason
  | 'unit_not_listed'
  | 'unit_blank'
  | 'unit_ambiguous'
  | 'kind_not_recognised'
  | 'kind_ambiguous'
  | 'format_not_recognised'
  | 'duplicate_name'
  | 'column_missing'
  | 'list_missing'
  | 'name_missing'
  | 'format_missing'
  | 'sheet_unreadable'
  | 'sheet_hidden';

/** Something in the workbook the engine could not read as data; always points at a cell. */
export interface Issue {
  readonly kind: IssueKind;
  readonly reason: IssueReason;
  readonly sheet: string;
  /** A1 address on `sheet` ("" when the issue is about a list that was not found). */
  readonly cell: string;
  /** The value as written (or the header expected, for a missing column). */
  readonly value: string;
  readonly list?: ListKind;
  readonly field?: AnyField;
  /** For a duplicate unit: the row (1-based) where the name first appears. */
  readonly firstRow?: number;
  /** For a duplicate unit: the sheet of that first row, when it is another sheet (or file). */
  readonly firstSheet?: string;
  /** For a name that could be several units: their names. */
  readonly candidates?: readonly string[];
  /** The file the issue is in, when several files are read together (SPEC §4 `file`). */
  readonly file?: string;
}
