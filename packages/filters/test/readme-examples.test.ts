// The README's examples, one per family, with the exact text they produce.

import { describe, expect, it } from 'vitest';
import { filterFor, formatFilter, parseFilter, sortersFor, validateFilter } from '../src/index.js';

describe('README examples', () => {
  it('campaigns by status', () => {
    const f = filterFor('getActiveCampaigns');
    expect(f.and(f.in('status', ['ACTIVE', 'STAGED']), f.sw('name', 'Q3 '))).toBe(
      'status in ("ACTIVE","STAGED") and name sw "Q3 "',
    );
    expect(sortersFor('getActiveCampaigns').by('-created', 'name')).toBe('-created,name');
  });

  it('templates by name', () => {
    const t = filterFor('getCampaignTemplates');
    expect(
      t.or(t.eq('name', 'Managers "EMEA" #2'), t.and(t.ge('name', 'Q3'), t.lt('name', 'Q4'))),
    ).toBe('name eq "Managers \\"EMEA\\" #2" or name ge "Q3" and name lt "Q4"');
    expect(sortersFor('getCampaignTemplates').by('-modified')).toBe('-modified');
  });

  it('review items not yet decided for an identity', () => {
    const r = filterFor('listIdentityAccessReviewItems');
    expect(
      r.and(
        r.eq('completed', false),
        r.eq('identitySummary.id', '2c9180835d2e5168015d32f890ca1581'),
      ),
    ).toBe('completed eq false and identitySummary.id eq "2c9180835d2e5168015d32f890ca1581"');
    expect(sortersFor('listIdentityAccessReviewItems').by('access.type', '-access.name')).toBe(
      'access.type,-access.name',
    );
  });

  it('certification tasks', () => {
    const k = filterFor('getPendingCertificationTasks');
    expect(
      k.and(
        k.eq('targetId', 'ef38f94347e94562b5bb8424a56397d8'),
        k.in('type', ['REASSIGN', 'ADMIN_REASSIGN']),
      ),
    ).toBe(
      'targetId eq "ef38f94347e94562b5bb8424a56397d8" and type in ("REASSIGN","ADMIN_REASSIGN")',
    );
  });

  it('the injection attempt', () => {
    const f = filterFor('getActiveCampaigns');
    expect(f.eq('name', '") or id pr ("')).toBe('name eq "\\") or id pr (\\""');
  });

  it('parse, format, validate', () => {
    expect(
      formatFilter(
        parseFilter('(name sw "Q3")and  not(status eq "COMPLETED" or status eq "ERROR")'),
      ),
    ).toBe('name sw "Q3" and not (status eq "COMPLETED" or status eq "ERROR")');
    expect(() => parseFilter('name EQ "x"')).toThrow(
      'Expected one of eq, ne, gt, ge, lt, le, co, sw, in, ca, isnull at position 5, found "EQ". Operators and keywords are lowercase only.',
    );
    expect(
      validateFilter('name co "Q3" or created gt 2026-01-01T00:00:00Z', 'getActiveCampaigns').map(
        (p) => `${p.code} at ${p.start}: ${p.message}`,
      ),
    ).toEqual([
      'unsupported-operator at 5: Field "name" does not support "co" on getActiveCampaigns; it supports eq, sw.',
      'unknown-field at 16: getActiveCampaigns cannot filter on "created"; filterable fields: id, name, status.',
    ]);
  });
});
