// The whole certification cycle, through the public client: template -> preview -> generate ->
// activate -> certifications -> undecided review items -> decisions -> sign-off -> report -> search.
import { unwrap, type IscClient } from '@isc-sdk/client';
import { filterFor } from '@isc-sdk/filters';
import { previewCampaign } from '@isc-sdk/templates';
import type { components } from '@isc-sdk/types';
import type { Reporter } from './reporter.js';
import { waitFor } from './wait-for.js';

type ReviewDecision = components['schemas']['ReviewDecision'];

/** How the cycle behaves where a mock and a real tenant differ. */
export interface CycleOptions {
  /** Polling budget for asynchronous state changes, in milliseconds. */
  waitTimeoutMs: number;
  /** Whether the generated name must equal the preview exactly (true for the mock tenant, whose zone is known). */
  strictPreview: boolean;
}

/** Every seventh undecided item is revoked, the rest approved. */
const REVOKE_EVERY = 7;
/** Decisions sent per request. */
const DECISION_BATCH = 250;

export async function runCertificationCycle(
  isc: IscClient,
  report: Reporter,
  options: CycleOptions,
) {
  const poll = { timeoutMs: options.waitTimeoutMs, intervalMs: 100 };
  const stamp = new Date().toISOString().slice(0, 19);

  const template = await report.step('create a campaign template', async () => {
    const value = await unwrap(
      isc.POST('/campaign-templates', {
        body: {
          name: `isc-sdk walkthrough ${stamp}`,
          description: 'Created by the isc-sdk walkthrough',
          deadlineDuration: 'P2W',
          campaign: {
            name: '%Y-%m-%d Manager Review',
            description: 'Managers review their reports, generated on %A %e %B %Y at %H:%M %Z',
            type: 'MANAGER',
          },
        },
      }),
    );
    return {
      value,
      detail: `${value.id} "${value.name}", deadlineDuration ${value.deadlineDuration}`,
    };
  });

  const preview = await report.step('preview the campaign it will generate', async () => {
    const value = previewCampaign(template, new Date());
    return { value, detail: `"${value.name}", deadline ${value.deadline}` };
  });

  const campaignRef = await report.step('generate a campaign from the template', async () => {
    const value = await unwrap(
      isc.POST('/campaign-templates/{id}/generate', { params: { path: { id: template.id! } } }),
    );
    if (value.name !== preview.name) {
      const message = `generated name "${value.name}" differs from the preview "${preview.name}"`;
      if (options.strictPreview) throw new Error(message);
      report.note(`${message} (the tenant may generate in another time zone)`);
    }
    return { value, detail: `${value.id} "${value.name}" (matches the preview)` };
  });
  const campaignId = campaignRef.id;

  await report.step('activate the campaign', async () => {
    const staged = await waitFor(
      async () => {
        const campaign = await unwrap(
          isc.GET('/campaigns/{id}', { params: { path: { id: campaignId } } }),
        );
        return campaign.status === 'STAGED' ? campaign : undefined;
      },
      { what: `campaign ${campaignId} to be STAGED`, ...poll },
    );
    await unwrap(
      isc.POST('/campaigns/{id}/activate', {
        params: { path: { id: campaignId } },
        body: { timeZone: 'Z' },
      }),
    );
    const active = await waitFor(
      async () => {
        const campaign = await unwrap(
          isc.GET('/campaigns/{id}', { params: { path: { id: campaignId } } }),
        );
        return campaign.status === 'ACTIVE' ? campaign : undefined;
      },
      { what: `campaign ${campaignId} to be ACTIVE`, ...poll },
    );
    return { value: active, detail: `STAGED -> ACTIVE, deadline ${staged.deadline}` };
  });

  const certifications = await report.step("list the campaign's certifications", async () => {
    const f = filterFor('listIdentityCertifications');
    const value = [];
    for await (const certification of isc.paginate('/certifications', {
      params: { query: { filters: f.eq('campaign.id', campaignId) } },
    })) {
      value.push(certification);
    }
    if (value.length === 0) throw new Error(`campaign ${campaignId} has no certifications`);
    return { value, detail: `${value.length} certifications, one per reviewing manager` };
  });

  const undecided = await report.step('page through undecided access review items', async () => {
    const r = filterFor('listIdentityAccessReviewItems');
    const value = new Map<string, string[]>();
    let seen = 0;
    const expected = certifications.reduce((sum, c) => sum + (c.decisionsTotal ?? 0), 0);
    for (const certification of certifications) {
      const ids: string[] = [];
      for await (const item of isc.paginate('/certifications/{id}/access-review-items', {
        params: { path: { id: certification.id! }, query: { filters: r.eq('completed', false) } },
      })) {
        ids.push(item.id!);
        seen += 1;
        report.progress('review items', seen, expected);
      }
      value.set(certification.id!, ids);
    }
    return { value, detail: `${seen} undecided items in ${certifications.length} certifications` };
  });

  await report.step('decide: approve most, revoke some', async () => {
    let approved = 0;
    let revoked = 0;
    let index = 0;
    const total = [...undecided.values()].reduce((sum, ids) => sum + ids.length, 0);
    for (const [certificationId, ids] of undecided) {
      for (let start = 0; start < ids.length; start += DECISION_BATCH) {
        const body: ReviewDecision[] = ids.slice(start, start + DECISION_BATCH).map((id) => {
          index += 1;
          const revoke = index % REVOKE_EVERY === 0;
          if (revoke) revoked += 1;
          else approved += 1;
          return revoke
            ? { id, decision: 'REVOKE', bulk: true, comments: 'No longer needed (walkthrough)' }
            : { id, decision: 'APPROVE', bulk: true };
        });
        await unwrap(
          isc.POST('/certifications/{id}/decide', {
            params: { path: { id: certificationId } },
            body,
          }),
        );
        report.progress('decisions', approved + revoked, total);
      }
    }
    return { value: undefined, detail: `${approved} approved, ${revoked} revoked` };
  });

  await report.step('sign off every certification', async () => {
    let signed = 0;
    for (const certification of certifications) {
      const result = await unwrap(
        isc.POST('/certifications/{id}/sign-off', { params: { path: { id: certification.id! } } }),
      );
      if (result.phase !== 'SIGNED')
        throw new Error(`certification ${certification.id} is ${result.phase}`);
      signed += 1;
    }
    return { value: undefined, detail: `${signed} certifications SIGNED` };
  });

  await report.step('run a campaign status report', async () => {
    await unwrap(
      isc.POST('/campaigns/{id}/run-report/{type}', {
        params: { path: { id: campaignId, type: 'CAMPAIGN_STATUS_REPORT' } },
      }),
    );
    const reports = await unwrap(
      isc.GET('/campaigns/{id}/reports', { params: { path: { id: campaignId } } }),
    );
    const status = reports.find((r) => r.reportType === 'CAMPAIGN_STATUS_REPORT');
    return {
      value: reports,
      detail: `${reports.length} reports, status report ${status?.status ?? 'not listed'}`,
    };
  });

  const reviewerName = certifications[0]?.reviewer?.name;
  await searchIdentity(isc, report, reviewerName ? `displayName:"${reviewerName}"` : '*');
}

/** Searches identities and reads the first one back by index and id. */
export async function searchIdentity(isc: IscClient, report: Reporter, query: string) {
  const found = await report.step('search for an identity', async () => {
    const value = [];
    for await (const identity of isc.searchAll(
      { indices: ['identities'], query: { query } },
      { maxItems: 5 },
    )) {
      value.push(identity);
    }
    if (value.length === 0) throw new Error(`no identity matches ${query}`);
    return { value, detail: `${value.length} match ${query}: ${value[0]!.name}` };
  });
  await report.step('get that identity by id', async () => {
    const id = found[0]!.id;
    const document = await unwrap(
      isc.GET('/search/{index}/{id}', { params: { path: { index: 'identities', id } } }),
    );
    return { value: document, detail: `${document.id} "${document.name}"` };
  });
}
