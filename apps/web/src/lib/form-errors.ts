import { ErrorCode } from '@ipt/domain';
import type { GraphQLRequestError } from './graphql';

/** Messages by input field ("rationale", "actionItems.0.title"), and one for the whole form. */
export interface FormErrors {
  readonly fields: Readonly<Record<string, string>>;
  readonly form: string | null;
}

export const NO_ERRORS: FormErrors = { fields: {}, form: null };

/**
 * Places an API error where it belongs: at the field it names when the form shows that field,
 * otherwise above the form.
 */
export function placeError(error: GraphQLRequestError, shownFields: readonly string[]): FormErrors {
  if (error.code === ErrorCode.BAD_USER_INPUT && error.field && shownFields.includes(error.field)) {
    return { fields: { [error.field]: error.message }, form: null };
  }
  return { fields: {}, form: error.message };
}

export function hasErrors(errors: FormErrors): boolean {
  return errors.form !== null || Object.keys(errors.fields).length > 0;
}
