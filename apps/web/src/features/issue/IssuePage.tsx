/** Issue: placeholder until the screen is built. */
export function IssuePage() {
  return (
    <section aria-labelledby="page-title">
      <h1 id="page-title">Issue</h1>
    </section>
  );
}
