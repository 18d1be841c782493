import { notFound } from '../http/api-problem.js';
import { aggregationsAsCsv, dslAggregations, sailPointAggregations } from '../search/aggregate.js';
import type { SearchIndexName } from '../search/build-search-documents.js';
import {
  orderDocuments,
  runSearch,
  selectDocuments,
  shapeDocument,
  type SearchBody,
} from '../search/run-search.js';
import { ok, type OperationHandler, type OperationHandlers } from './operation-handler.js';

const searchPost: OperationHandler = async (request, { search }) => {
  const { limit, offset, count } = request.collection;
  const result = await runSearch(search, request.body as SearchBody, offset, limit);
  return ok(200, result.documents, count ? { 'X-Total-Count': String(result.total) } : undefined);
};

const searchCount: OperationHandler = async (request, { search }) => {
  const total = (await selectDocuments(search, request.body as SearchBody)).length;
  return ok(204, undefined, { 'X-Total-Count': String(total) });
};

const searchAggregate: OperationHandler = async (request, { search }) => {
  const body = request.body as SearchBody;
  const { limit, offset, count } = request.collection;
  const selected = await selectDocuments(search, body);
  const aggregations =
    body.aggregationType === 'SAILPOINT'
      ? sailPointAggregations(body.aggregations, selected)
      : dslAggregations(body.aggregationsDsl, selected);
  const headers = count ? { 'X-Total-Count': String(selected.length) } : undefined;
  if (request.accept.includes('text/csv') && body.aggregationType === 'SAILPOINT') {
    return {
      status: 200,
      body: aggregationsAsCsv(aggregations),
      contentType: 'text/csv',
      ...(headers ? { headers } : {}),
    };
  }
  const hits = orderDocuments(selected, body)
    .slice(offset, offset + limit)
    .map((d) => shapeDocument(d, body, true));
  return ok(200, { aggregations, hits }, headers);
};

const searchGet: OperationHandler = (request, { search }) => {
  const index = request.path.index as SearchIndexName;
  const document = search.find(index, request.path.id!);
  if (!document) throw notFound(`document in index ${index}`, request.path.id!);
  return ok(200, document);
};

/** The 4 search operations. */
export const searchOperations = {
  searchPost,
  searchCount,
  searchAggregate,
  searchGet,
} satisfies Partial<OperationHandlers>;
