import { describe, expectTypeOf, it } from 'vitest';
import type { components, operations, paths, Readable, Writable } from '../src/index.js';

type Template = components['schemas']['CampaignTemplate'];
type CreateTemplateBody = Writable<
  operations['createCampaignTemplate']['requestBody']['content']['application/json']
>;

describe('generated types', () => {
  it('makes server-set properties optional in request bodies', () => {
    // created and modified are required in responses, and server-set: a new template needs neither.
    expectTypeOf<CreateTemplateBody>().toHaveProperty('name');
    expectTypeOf<Pick<CreateTemplateBody, 'name'>>().toEqualTypeOf<{ name: string }>();
    const body: CreateTemplateBody = {
      name: 'Quarterly manager review',
      description: 'Every manager reviews their reports',
      deadlineDuration: 'P2W',
      campaign: {
        name: '%Y-%m Manager Review',
        description: 'Managers review access',
        type: 'MANAGER',
      },
    };
    expectTypeOf(body).toExtend<CreateTemplateBody>();
  });

  it('keeps readOnly properties in responses', () => {
    type Read = Readable<Template>;
    expectTypeOf<Read['created']>().toEqualTypeOf<string>();
  });

  it('types paths with their parameters', () => {
    type GetCampaign = paths['/campaigns/{id}']['get'];
    expectTypeOf<GetCampaign['parameters']['path']>().toEqualTypeOf<{ id: string }>();
  });

  it('narrows search documents by _type', () => {
    type Document = Readable<components['schemas']['SearchDocument']>;
    type Identity = Extract<Document, { _type: 'identity' }>;
    expectTypeOf<Identity['_type']>().toEqualTypeOf<'identity'>();
  });
});
