// The read-only walkthrough for a real tenant (without --write): it looks, previews and searches, and
// changes nothing.
import { unwrap, type IscClient } from '@isc-sdk/client';
import { filterFor, sortersFor } from '@isc-sdk/filters';
import { previewCampaign } from '@isc-sdk/templates';
import { searchIdentity } from './certification-cycle.js';
import type { Reporter } from './reporter.js';

const WRITE_STEPS = [
  'generate a campaign',
  'activate it',
  'decide review items',
  'sign off',
  'run a report',
];

export async function runReadOnlyTour(isc: IscClient, report: Reporter) {
  const templates = await report.step('list campaign templates', async () => {
    const value = await unwrap(
      isc.GET('/campaign-templates', {
        params: { query: { limit: 5, sorters: sortersFor('getCampaignTemplates').by('-created') } },
      }),
    );
    return { value, detail: `${value.length} newest templates` };
  });

  await report.step('preview the newest template', async () => {
    const template = templates[0];
    if (!template) return { value: undefined, detail: 'no templates on this tenant' };
    const preview = previewCampaign(template, new Date());
    return {
      value: preview,
      detail: `"${template.name}" would generate "${preview.name}", deadline ${preview.deadline}`,
    };
  });

  await report.step('list active campaigns', async () => {
    const f = filterFor('getActiveCampaigns');
    const value = await unwrap(
      isc.GET('/campaigns', {
        params: { query: { filters: f.eq('status', 'ACTIVE'), limit: 10 } },
      }),
    );
    return { value, detail: `${value.length} active (first 10)` };
  });

  const certification = await report.step('list my certifications', async () => {
    const f = filterFor('listIdentityCertifications');
    const value = await unwrap(
      isc.GET('/certifications', {
        params: {
          query: { 'reviewer-identity': 'me', filters: f.eq('phase', 'ACTIVE'), limit: 10 },
        },
      }),
    );
    return { value: value[0], detail: `${value.length} active certifications to review` };
  });

  await report.step('page through undecided access review items', async () => {
    if (!certification?.id) return { value: 0, detail: 'no active certification to read' };
    const r = filterFor('listIdentityAccessReviewItems');
    let seen = 0;
    for await (const item of isc.paginate('/certifications/{id}/access-review-items', {
      params: { path: { id: certification.id }, query: { filters: r.eq('completed', false) } },
      maxItems: 1000,
    })) {
      if (item.id) seen += 1;
      report.progress('review items', seen, undefined);
    }
    return {
      value: seen,
      detail: `${seen} undecided items in "${certification.name}" (at most 1000 read)`,
    };
  });

  for (const step of WRITE_STEPS)
    report.skip(step, 'read-only on a real tenant; pass --write to run it');
  await searchIdentity(isc, report, '*');
}
