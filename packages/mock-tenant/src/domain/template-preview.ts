// The one place that calls @isc-sdk/templates: placeholders in generated campaign names and
// descriptions, deadlines from `deadlineDuration`, and duration validation. The tenant renders in
// UTC: the API does not document which zone "the current date and time" uses.
import { isTemplatesError, parseDuration, previewCampaign } from '@isc-sdk/templates';
import { badRequest } from '../http/api-problem.js';
import type { TemplateBody } from './records.js';

function reasonOf(error: unknown): string {
  // Stryker disable next-line ConditionalExpression: equivalent; @isc-sdk/templates throws only TemplatesError for bad input, the check keeps a bug from passing as a 400
  if (isTemplatesError(error)) return error.message;
  throw error;
}

/**
 * A duration as the backend reads it. The backend parses with Java's `Period.parse` and
 * `Duration.parse`, whose designators are case-insensitive for ASCII letters only (`p2w` is `P2W`,
 * but the long s `ſ` is not `S`), while @isc-sdk/templates accepts only the canonical upper case;
 * so ASCII letters are upper-cased before the value is handed over. The stored value stays as sent.
 */
export function durationAsBackendReads(value: string): string {
  return value.replace(/[a-z]/g, (letter) => letter.toUpperCase());
}

/**
 * Checks an ISO-8601 duration as the template operations accept it.
 * @throws ApiProblem (400) naming the field and what is wrong with the value
 */
export function checkDeadlineDuration(value: string | null | undefined): void {
  if (value == null) return;
  const readable = durationAsBackendReads(value);
  try {
    parseDuration(readable);
  } catch (error) {
    // The parser quotes what it read (upper-cased); the caller should see what they sent.
    const reason = reasonOf(error).replaceAll(readable, value);
    throw badRequest(
      `Request body field 'deadlineDuration' is not an ISO-8601 duration: ${reason}`,
    );
  }
}

/** The name, description and deadline of a campaign generated from `template` at `atMs`. */
export function generatedCampaignFields(
  template: TemplateBody,
  atMs: number,
): { name: string; description: string | null; deadline: string | null } {
  try {
    const duration = template.deadlineDuration;
    const readable =
      duration == null
        ? template
        : { ...template, deadlineDuration: durationAsBackendReads(duration) };
    // Stryker disable next-line ObjectLiteral: equivalent; UTC is also previewCampaign's default, named here because the tenant promises it
    const preview = previewCampaign(readable, new Date(atMs), { timeZone: 'UTC' });
    return { name: preview.name, description: preview.description, deadline: preview.deadline };
  } catch (error) {
    throw badRequest(
      `Campaign template ${template.id!} cannot generate a campaign: ${reasonOf(error)}`,
    );
  }
}
