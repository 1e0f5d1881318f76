/** Decision log: placeholder until the screen is built. */
export function DecisionLogPage() {
  return (
    <section aria-labelledby="page-title">
      <h1 id="page-title">Decision log</h1>
    </section>
  );
}
