import { describe, expectTypeOf, it } from 'vitest';
import type {
  CreateCampaignBody,
  CreateCampaignTemplateBody,
  SearchPostBody,
} from '../src/index.js';
import * as examples from './documented-examples.js';

// documented-examples.ts holds SailPoint's documented request examples (our own values); it only has
// to compile. These checks keep it in the test run and say what it covers.
describe('SailPoint’s documented request examples', () => {
  it('compile as createCampaign bodies, one per campaign type', () => {
    const campaigns = [
      examples.createManagerCampaign,
      examples.createSearchCampaign,
      examples.createSourceOwnerCampaign,
      examples.createRoleCompositionCampaign,
    ];
    expectTypeOf(campaigns).toEqualTypeOf<CreateCampaignBody[]>();
    expectTypeOf(examples.createManagerCampaign.type).toEqualTypeOf<
      'MANAGER' | 'SOURCE_OWNER' | 'SEARCH' | 'ROLE_COMPOSITION' | 'MACHINE_ACCOUNT'
    >();
  });

  it('compile as createCampaignTemplate bodies', () => {
    const templates = [
      examples.createManagerTemplate,
      examples.createSearchTemplate,
      examples.createSourceOwnerTemplate,
      examples.createRoleCompositionTemplate,
    ];
    expectTypeOf(templates).toEqualTypeOf<CreateCampaignTemplateBody[]>();
  });

  it('compile as search bodies', () => {
    expectTypeOf(examples.searchExamples).toEqualTypeOf<SearchPostBody[]>();
  });
});
