/** What set-up shows to someone who may not change the program (or any program). */
export function NeedsProgramManager({ programName }: { programName?: string }) {
  return (
    <section className="empty-state setup-needs-pm">
      <h2 id="setup-needs-pm-heading" className="empty-state__title">
        You need to be a program manager
      </h2>
      <p>
        {programName
          ? `Only program managers of ${programName} and system admins can set it up.`
          : 'Only program managers and system admins can set up programs, teams and members.'}
      </p>
      <p className="muted">
        Ask a program manager of your program if a team, a member or a role needs to change. You can
        still change your own password below.
      </p>
    </section>
  );
}
