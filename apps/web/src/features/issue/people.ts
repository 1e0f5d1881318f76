import type { IssueProgram } from './api/get-program-people';
import { disciplineName } from './format';

export interface ProgramPerson {
  readonly id: string;
  readonly name: string;
  readonly email: string;
  /** Discipline names they represent on the program's teams. */
  readonly disciplines: readonly string[];
}

/** Everyone on one of the program's active teams, once each, by name: owners and assignees. */
export function programPeople(program: IssueProgram): ProgramPerson[] {
  const people = new Map<
    string,
    { id: string; name: string; email: string; disciplines: Set<string> }
  >();
  for (const team of program.teams) {
    if (!team.active) continue;
    for (const member of team.members) {
      if (!member.user.active) continue;
      const person = people.get(member.user.id) ?? {
        id: member.user.id,
        name: member.user.name,
        email: member.user.email,
        disciplines: new Set<string>(),
      };
      person.disciplines.add(disciplineName(member.discipline, program.disciplines));
      people.set(person.id, person);
    }
  }
  return [...people.values()]
    .map((person) => ({ ...person, disciplines: [...person.disciplines].sort() }))
    .sort((a, b) => a.name.localeCompare(b.name) || a.email.localeCompare(b.email));
}

/** Choices for a person picker: "Pat Morgan — Program management". */
export function personChoices(
  people: readonly ProgramPerson[],
): { value: string; label: string }[] {
  return people.map((person) => ({
    value: person.id,
    label: person.disciplines.length
      ? `${person.name} — ${person.disciplines.join(', ')}`
      : person.name,
  }));
}
