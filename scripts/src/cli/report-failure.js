/**
 * Prints a pipeline failure (without a stack when the error explains itself) and exits with 1.
 * @param {unknown} error
 * @returns {never}
 */
export function reportFailure(error) {
  const known =
    error instanceof Error &&
    ['SpecError', 'MetadataError', 'NamedTypesError'].includes(error.name);
  console.error(known ? `error: ${error.message}` : error);
  process.exit(1);
}
