import { Tier } from '@ipt/domain';
import { act, fireEvent, render, screen, within } from '@testing-library/react';
import { buildTeamTree } from './ladder';
import { TeamTree, type TreeTeam } from './TeamTree';

function team(id: string, name: string, tier: Tier, parentTeamId: string | null): TreeTeam {
  return { id, name, tier, parentTeamId, active: true, memberCount: 2 };
}

const roots = buildTeamTree([
  team('w1', 'Radio Hardware WIPT', Tier.WIPT, 'i'),
  team('w2', 'Test & Sustainment WIPT', Tier.WIPT, 'i'),
  team('i', 'HX Integrating IPT', Tier.IIPT, 'o'),
  team('o', 'HX Overarching IPT', Tier.OIPT, null),
]);

function renderTree(selectedId: string | null = 'o') {
  const onSelect = jest.fn();
  render(
    <TeamTree roots={roots} selectedId={selectedId} onSelect={onSelect} label="Teams of HX" />,
  );
  return onSelect;
}

/** Each item is named by its row: "HX Overarching IPT OIPT 3 members". */
const item = (name: string) => screen.getByRole('treeitem', { name: new RegExp(`^${name} `) });

describe('TeamTree', () => {
  it('nests the tiers: OIPT, then its IIPT, then the WIPTs, with levels and one tab stop', () => {
    renderTree();

    const tree = screen.getByRole('tree', { name: 'Teams of HX' });
    // One flat list in tree order, each item with its level, position and set size.
    const items = within(tree).getAllByRole('treeitem');
    expect(
      items.map((i) => [
        i.getAttribute('aria-level'),
        i.getAttribute('aria-posinset'),
        i.getAttribute('aria-setsize'),
      ]),
    ).toEqual([
      ['1', '1', '1'],
      ['2', '1', '1'],
      ['3', '1', '2'],
      ['3', '2', '2'],
    ]);
    const [oipt, iipt, ...wipts] = items as [HTMLElement, HTMLElement, ...HTMLElement[]];
    expect(oipt).toBe(item('HX Overarching IPT'));
    expect(oipt).toHaveAttribute('aria-expanded', 'true');
    expect(oipt).toHaveAttribute('aria-selected', 'true');
    expect(iipt).toBe(item('HX Integrating IPT'));
    expect(wipts[0]).not.toHaveAttribute('aria-expanded');
    // Named by the whole row, as it reads: its name, tier and members.
    expect(wipts[0]).toHaveAccessibleName(/^Radio Hardware WIPT WIPT \d+ members?$/);
    expect(screen.getAllByRole('treeitem').filter((el) => el.tabIndex === 0)).toEqual([oipt]);
  });

  it('moves with the arrow keys, opens and closes, and selects with Enter', () => {
    const onSelect = renderTree();
    const oipt = item('HX Overarching IPT');
    act(() => oipt.focus());

    fireEvent.keyDown(oipt, { key: 'ArrowDown' });
    expect(item('HX Integrating IPT')).toHaveFocus();
    fireEvent.keyDown(item('HX Integrating IPT'), { key: 'ArrowRight' });
    expect(item('Radio Hardware WIPT')).toHaveFocus();
    fireEvent.keyDown(item('Radio Hardware WIPT'), { key: 'End' });
    expect(item('Test & Sustainment WIPT')).toHaveFocus();
    fireEvent.keyDown(item('Test & Sustainment WIPT'), { key: 'Enter' });
    expect(onSelect).toHaveBeenLastCalledWith('w2');

    // Left goes to the parent, then closes it: its WIPTs leave the tree.
    fireEvent.keyDown(item('Test & Sustainment WIPT'), { key: 'ArrowLeft' });
    expect(item('HX Integrating IPT')).toHaveFocus();
    fireEvent.keyDown(item('HX Integrating IPT'), { key: 'ArrowLeft' });
    expect(item('HX Integrating IPT')).toHaveAttribute('aria-expanded', 'false');
    expect(screen.queryByRole('treeitem', { name: /^Radio Hardware WIPT / })).toBeNull();
    fireEvent.keyDown(item('HX Integrating IPT'), { key: 'ArrowDown' });
    expect(item('HX Integrating IPT')).toHaveFocus();
    fireEvent.keyDown(item('HX Integrating IPT'), { key: 'ArrowRight' });
    expect(item('HX Integrating IPT')).toHaveAttribute('aria-expanded', 'true');

    fireEvent.keyDown(item('HX Integrating IPT'), { key: 'Home' });
    expect(item('HX Overarching IPT')).toHaveFocus();
    fireEvent.keyDown(item('HX Overarching IPT'), { key: ' ' });
    expect(onSelect).toHaveBeenLastCalledWith('o');
  });

  it('selects a team on click', () => {
    const onSelect = renderTree(null);
    fireEvent.click(screen.getByText('HX Integrating IPT'));
    expect(onSelect).toHaveBeenCalledWith('i');
    expect(item('HX Integrating IPT')).toHaveFocus();
  });
});
