import type { TaskRecord } from './records.js';
import type { TenantState } from './tenant-state.js';

/**
 * Queues a certification task: QUEUED now, then `work` runs as background work and the task
 * becomes SUCCESS, or ERROR with the failure's message. A task deleted meanwhile (with its
 * campaign) does not run.
 */
export function queueTask(
  state: TenantState,
  fields: Pick<TaskRecord, 'type' | 'targetType' | 'targetId' | 'reviewerIndex'>,
  work: () => void,
): TaskRecord {
  const task: TaskRecord = {
    ...fields,
    id: state.ids.next(),
    status: 'QUEUED',
    errors: [],
    created: state.now(),
  };
  state.tasks.set(task.id, task);
  state.counters.tasksCreated += 1;
  state.background.later(() => {
    // Stryker disable next-line ConditionalExpression: equivalent; the work of a deleted task touches only records deleted with it, which no request can see
    if (!state.tasks.has(task.id)) return;
    try {
      work();
      task.status = 'SUCCESS';
    } catch (error) {
      task.status = 'ERROR';
      const text = error instanceof Error ? error.message : String(error);
      task.errors.push({ locale: 'en-US', localeOrigin: 'DEFAULT', text });
    }
  });
  return task;
}
