/** The invoice status of that name: exactly as the settings keep it, or in any case as a user types it. */
export function statusNamed<S extends { name: string }>(statuses: readonly S[], name: string | undefined, anyCase = false): S | undefined {
  if (name === undefined) return undefined;
  const wanted = anyCase ? name.toLowerCase() : name;
  return statuses.find((s) => (anyCase ? s.name.toLowerCase() : s.name) === wanted);
}
