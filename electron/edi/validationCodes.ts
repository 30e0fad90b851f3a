// Validation error codes of xConnector's own pre-send validation (TransactionWire.validationErrors[].code).
// Source: this project's xConnector contract. `template` builds the explanation from what xConnector told
// us: {Where} is replaced by the field/element/segment ('Field "PO number" (BEG03)'), {value} by
// ' "ZZ"' when a value was given and by nothing otherwise.
import type { ActionableEntry, ActionableTable } from './transmissionCodes.ts';

export interface ValidationEntry extends ActionableEntry {
  readonly template: string;
}

export interface ValidationTable extends ActionableTable {
  readonly entries: readonly ValidationEntry[];
}

export const VALIDATION_CODES: ValidationTable = {
  name: 'xConnector validation codes',
  source: 'Partner Desk xConnector contract, TransactionWire.validationErrors[].code',
  entries: [
    {
      code: 'MISSING_FIELD',
      summary: 'Required field missing',
      plain: 'A field the partner requires is empty or missing.',
      template: '{Where} is required but empty or missing.',
      nextStep: 'Fill it in at the source (ERP or order system) or fix the mapping, then resend.',
    },
    {
      code: 'INVALID_CODE',
      summary: 'Invalid code',
      plain: 'A field has a code that is not in the allowed list.',
      template: '{Where} has a code{value} that is not in the allowed list.',
      nextStep: 'Correct the code at the source or add it to the code mapping for this partner.',
    },
    {
      code: 'INVALID_FORMAT',
      summary: 'Wrong format',
      plain: 'A field has a value in the wrong format.',
      template: '{Where} has a value{value} in the wrong format.',
      nextStep: 'Correct the value at the source or in the mapping, then resend.',
    },
    {
      code: 'INVALID_DATE',
      summary: 'Invalid date',
      plain: 'A field has a value that is not a valid date.',
      template: '{Where} has a value{value} that is not a valid date.',
      nextStep: 'Correct the date at the source (the expected form is usually CCYYMMDD).',
    },
    {
      code: 'VALUE_TOO_LONG',
      summary: 'Value too long',
      plain: 'A field has a value longer than allowed.',
      template: '{Where} has a value{value} that is longer than allowed.',
      nextStep: 'Shorten the value at the source or truncate it in the mapping, then resend.',
    },
    {
      code: 'VALUE_TOO_SHORT',
      summary: 'Value too short',
      plain: 'A field has a value shorter than allowed.',
      template: '{Where} has a value{value} that is shorter than allowed.',
      nextStep: 'Complete the value at the source (for example add leading zeros if agreed), then resend.',
    },
    {
      code: 'UNKNOWN_PARTNER',
      summary: 'Partner not set up',
      plain: 'The document names a trading partner that is not set up in xConnector.',
      template: '{Where} names a partner{value} that is not set up in xConnector.',
      nextStep: 'Check the partner ID, or ask the integration team to set the partner up.',
    },
    {
      code: 'DUPLICATE_CONTROL_NUMBER',
      summary: 'Control number already used',
      plain: 'The document reuses a control number of an earlier document.',
      template: '{Where} has a control number{value} that was already used for an earlier document.',
      nextStep: 'Check whether this is a duplicate send; if not, resend it with a new control number.',
    },
    {
      code: 'AMOUNT_MISMATCH',
      summary: 'Amounts do not add up',
      plain: 'A total does not match the sum of the lines.',
      template: '{Where} has an amount{value} that does not match the calculated total.',
      nextStep: 'Check line amounts, allowances, charges and taxes at the source, then resend.',
    },
    {
      code: 'UNKNOWN_ITEM',
      summary: 'Item not known',
      plain: 'The document has an item code that is not in the item list for this partner.',
      template: '{Where} has an item code{value} that is not in the item list for this partner.',
      nextStep: 'Check the item code or add the item to the reference data, then resend.',
    },
    {
      code: 'UNKNOWN_SHIP_TO',
      summary: 'Ship-to location not known',
      plain: 'The document has a ship-to location that is not set up for this partner.',
      template: '{Where} has a ship-to location{value} that is not set up for this partner.',
      nextStep: 'Check the ship-to code or add the location to the reference data, then resend.',
    },
  ],
};
