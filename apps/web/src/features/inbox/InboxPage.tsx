/** Inbox: placeholder until the screen is built. */
export function InboxPage() {
  return (
    <section aria-labelledby="page-title">
      <h1 id="page-title">Inbox</h1>
    </section>
  );
}
