import type { components, Readable } from '@isc-sdk/types';
import { describe, expect, test } from 'vitest';
import {
  isDurationSyntaxError,
  isInvalidArgumentError,
  isPlaceholderError,
  previewCampaign,
  type PreviewableTemplate,
} from '../../src/index.js';
import { thrown } from '../support/thrown.js';

type CampaignTemplate = Readable<components['schemas']['CampaignTemplate']>;

/** A template as GET /campaign-templates/{id} returns it. */
const fetched: CampaignTemplate = {
  id: '2c9079b270a266a60170a277bb960008',
  name: 'Manager Campaign Template',
  description: 'Template for the annual manager campaign.',
  created: '2020-03-05T22:44:00.364Z',
  modified: null,
  scheduled: false,
  deadlineDuration: 'P2W',
  campaign: {
    name: '%Y-%m-%d Manager Review',
    description: 'Review of %B %Y, generated %F %R %Z',
    type: 'MANAGER',
  },
};

describe('previewCampaign', () => {
  test('fills the campaign name and description and adds the deadline (the documented example)', () => {
    expect(previewCampaign(fetched, '2020-01-01T00:00:00Z')).toEqual({
      name: '2020-01-01 Manager Review',
      description: 'Review of January 2020, generated 2020-01-01 00:00 UTC',
      deadline: '2020-01-15T00:00:00.000Z',
    });
  });

  test("ignores the template's own name and description", () => {
    const preview = previewCampaign(fetched, '2020-01-01T00:00:00Z');
    expect(preview.name).not.toContain('Template');
    expect(preview.description).not.toContain('annual');
  });

  test('uses one time zone for the texts and the deadline', () => {
    expect(
      previewCampaign(fetched, '2024-03-30T23:30:00Z', {
        timeZone: 'Europe/Berlin',
        locale: 'de-DE',
      }),
    ).toEqual({
      name: '2024-03-31 Manager Review',
      description: 'Review of März 2024, generated 2024-03-31 00:30 MEZ',
      // P2W from 00:30 CET on 31 March: 00:30 CEST on 14 April.
      deadline: '2024-04-13T22:30:00.000Z',
    });
  });

  test.each<
    [
      string,
      {
        template: PreviewableTemplate;
        want: { description: string | null; deadline: string | null };
      },
    ]
  >([
    [
      'no deadlineDuration',
      {
        template: { campaign: { name: 'N', description: 'D %Y' } },
        want: { description: 'D 2020', deadline: null },
      },
    ],
    [
      'a null deadlineDuration and a null description',
      {
        template: { deadlineDuration: null, campaign: { name: 'N', description: null } },
        want: { description: null, deadline: null },
      },
    ],
    [
      'no description at all (a JavaScript caller without the types)',
      {
        template: { campaign: { name: 'N' } } as unknown as PreviewableTemplate,
        want: { description: null, deadline: null },
      },
    ],
    [
      'P1M from 31 January',
      {
        template: { deadlineDuration: 'P1M', campaign: { name: 'N', description: null } },
        want: { description: null, deadline: '2020-02-29T00:00:00.000Z' },
      },
    ],
  ])('%s', (_name, { template, want }) => {
    const at = '2020-01-31T00:00:00Z';
    expect(previewCampaign(template, at)).toEqual({ name: 'N', ...want });
  });

  test('accepts a template about to be created (no read-only fields)', () => {
    const draft = {
      name: 'Draft',
      description: 'Not yet saved',
      deadlineDuration: 'P14D',
      campaign: { name: 'Q%q %Y', description: null, type: 'SEARCH' as const },
    };
    expect(previewCampaign(draft, new Date('2021-06-01T00:00:00Z'))).toEqual({
      name: 'Q%q 2021',
      description: null,
      deadline: '2021-06-15T00:00:00.000Z',
    });
  });

  test('strict mode refuses an unknown placeholder in the name or the description', () => {
    const template: PreviewableTemplate = {
      campaign: { name: 'Fine %Y', description: 'Broken %q' },
    };
    const caught = thrown(() =>
      previewCampaign(template, '2020-01-01T00:00:00Z', { strict: true }),
    );
    expect(isPlaceholderError(caught)).toBe(true);
    expect(caught).toMatchObject({ input: 'Broken %q', position: 7, letter: 'q' });
  });

  test('a bad deadlineDuration is a DurationSyntaxError', () => {
    const caught = thrown(() =>
      previewCampaign({ ...fetched, deadlineDuration: '2 weeks' }, '2020-01-01T00:00:00Z'),
    );
    expect(isDurationSyntaxError(caught)).toBe(true);
    expect(caught).toMatchObject({ input: '2 weeks', position: 0 });
  });

  test.each<[string, { template: unknown; argument: string }]>([
    ['a template that is not an object', { template: 'P2W', argument: 'template' }],
    ['no campaign', { template: { deadlineDuration: 'P2W' }, argument: 'template.campaign' }],
    [
      'a campaign without a name',
      { template: { campaign: {} }, argument: 'template.campaign.name' },
    ],
    [
      'a description that is a number',
      {
        template: { campaign: { name: 'N', description: 5 } },
        argument: 'template.campaign.description',
      },
    ],
    [
      'a deadlineDuration that is a number',
      {
        template: { deadlineDuration: 14, campaign: { name: 'N' } },
        argument: 'template.deadlineDuration',
      },
    ],
  ])('%s is an InvalidArgumentError', (_name, { template, argument }) => {
    const caught = thrown(() =>
      previewCampaign(template as PreviewableTemplate, '2020-01-01T00:00:00Z'),
    );
    expect(isInvalidArgumentError(caught)).toBe(true);
    expect(caught).toMatchObject({ argument });
  });

  test('a deadline beyond the range of dates is an InvalidInstantError', () => {
    expect(() =>
      previewCampaign(
        { deadlineDuration: 'P300000Y', campaign: { name: 'N', description: null } },
        '2020-01-01T00:00:00Z',
      ),
    ).toThrow(expect.objectContaining({ name: 'InvalidInstantError' }));
  });
});
