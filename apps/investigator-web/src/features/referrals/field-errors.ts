/** A per-field message from the API's validation (`error.data.fieldErrors`). */
export interface ApiFieldError {
  path: string;
  message: string;
}

/**
 * The first message for each field path, so each can be shown next to its control. Paths are
 * the input's keys as the API saw them ("note", "webhookUrl", "tipIds.0").
 */
export function fieldMessages(
  fieldErrors: readonly ApiFieldError[] | null | undefined,
): Record<string, string> {
  const messages: Record<string, string> = {};
  for (const error of fieldErrors ?? []) {
    if (!(error.path in messages)) messages[error.path] = error.message;
  }
  return messages;
}
