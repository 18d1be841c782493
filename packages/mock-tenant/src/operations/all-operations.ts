import { campaignOperations } from './campaign-operations.js';
import { certificationOperations } from './certification-operations.js';
import type { OperationHandlers } from './operation-handler.js';
import { searchOperations } from './search-operations.js';
import { summaryOperations } from './summary-operations.js';
import { templateOperations } from './template-operations.js';

/** Every operation of the spec. The type makes a missing or misspelled operation a compile error. */
export const allOperations: OperationHandlers = {
  ...campaignOperations,
  ...templateOperations,
  ...certificationOperations,
  ...summaryOperations,
  ...searchOperations,
};
