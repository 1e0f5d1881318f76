/** Set-up: placeholder until the screen is built. */
export function SetupPage() {
  return (
    <section aria-labelledby="page-title">
      <h1 id="page-title">Set-up</h1>
    </section>
  );
}
