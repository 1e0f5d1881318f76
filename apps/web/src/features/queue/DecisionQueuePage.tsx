/** Decision queue: placeholder until the screen is built. */
export function DecisionQueuePage() {
  return (
    <section aria-labelledby="page-title">
      <h1 id="page-title">Decision queue</h1>
    </section>
  );
}
