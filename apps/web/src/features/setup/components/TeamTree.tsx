import type { LadderTeam } from '@ipt/domain';
import { useMemo, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import { visibleNodes, type TeamNode } from './ladder';

export interface TreeTeam extends LadderTeam {
  /** How many people sit on it (shown beside the name). */
  memberCount: number;
}

interface TeamTreeProps {
  roots: readonly TeamNode<TreeTeam>[];
  selectedId: string | null;
  onSelect: (teamId: string) => void;
  /** The tree's accessible name, e.g. "Teams of HX". */
  label: string;
}

/**
 * The program's teams as an ARIA tree: one tab stop, arrow keys to move (Up/Down), open and close
 * (Right/Left), Home/End, Enter or Space to select. Every team starts expanded.
 *
 * The items are one flat list, each saying its level, position and set size (as ARIA allows for a
 * tree without groups), not nested: a nested item's text would count as its parent's visible
 * text, which the parent's name (its own row) could never contain (axe's
 * label-content-name-mismatch). Each item is named by its whole row: name, tier, member count.
 */
export function TeamTree({ roots, selectedId, onSelect, label }: TeamTreeProps) {
  const [collapsed, setCollapsed] = useState<ReadonlySet<string>>(() => new Set());
  const [focusedId, setFocusedId] = useState<string | null>(null);
  const items = useRef(new Map<string, HTMLLIElement>());
  const visible = useMemo(() => visibleNodes(roots, collapsed), [roots, collapsed]);

  // The one tab stop: the focused item if still visible, else the selected one, else the first.
  const tabStop =
    visible.find((n) => n.team.id === focusedId)?.team.id ??
    visible.find((n) => n.team.id === selectedId)?.team.id ??
    visible[0]?.team.id;

  function focus(id: string | undefined) {
    if (id === undefined) return;
    setFocusedId(id);
    items.current.get(id)?.focus();
  }

  function toggle(id: string, open: boolean) {
    setCollapsed((previous) => {
      const next = new Set(previous);
      if (open) next.delete(id);
      else next.add(id);
      return next;
    });
  }

  function handleKeyDown(event: KeyboardEvent<HTMLLIElement>, node: TeamNode<TreeTeam>) {
    // Only keys pressed on the item itself, not on anything inside it.
    if (event.target !== event.currentTarget) return;
    const index = visible.findIndex((n) => n.team.id === node.team.id);
    const open = node.children.length > 0 && !collapsed.has(node.team.id);
    let handled = true;
    switch (event.key) {
      case 'ArrowDown':
        focus(visible[index + 1]?.team.id);
        break;
      case 'ArrowUp':
        focus(visible[index - 1]?.team.id);
        break;
      case 'Home':
        focus(visible[0]?.team.id);
        break;
      case 'End':
        focus(visible.at(-1)?.team.id);
        break;
      case 'ArrowRight':
        if (node.children.length === 0) break;
        if (open) focus(node.children[0]?.team.id);
        else toggle(node.team.id, true);
        break;
      case 'ArrowLeft':
        if (open) toggle(node.team.id, false);
        else focus(node.parent?.team.id);
        break;
      case 'Enter':
      case ' ':
        onSelect(node.team.id);
        break;
      default:
        handled = false;
    }
    if (handled) event.preventDefault();
  }

  /** The node's item, then its children's when it is open: the flat list of visible items. */
  function renderNode(node: TeamNode<TreeTeam>, position: number, setSize: number): ReactNode[] {
    const { team } = node;
    const hasChildren = node.children.length > 0;
    const open = hasChildren && !collapsed.has(team.id);
    const selected = team.id === selectedId;
    const labelId = `setup-tree-${team.id}-label`;
    const infoId = `setup-tree-${team.id}-info`;
    const item = (
      <li
        key={team.id}
        role="treeitem"
        aria-labelledby={`${labelId} ${infoId}`}
        aria-level={node.level}
        aria-posinset={position}
        aria-setsize={setSize}
        aria-selected={selected}
        aria-expanded={hasChildren ? open : undefined}
        tabIndex={team.id === tabStop ? 0 : -1}
        className="setup-tree__item"
        ref={(element) => {
          if (element) items.current.set(team.id, element);
          else items.current.delete(team.id);
        }}
        onKeyDown={(event) => handleKeyDown(event, node)}
        onFocus={(event) => {
          if (event.target === event.currentTarget) setFocusedId(team.id);
        }}
      >
        <div
          className={selected ? 'setup-tree__row setup-tree__row--selected' : 'setup-tree__row'}
          style={{ paddingLeft: `${(node.level - 1) * 1.25 + 0.25}rem` }}
          onClick={() => {
            onSelect(team.id);
            focus(team.id);
          }}
        >
          <span
            className="setup-tree__toggle"
            aria-hidden="true"
            onClick={(event) => {
              if (!hasChildren) return;
              event.stopPropagation();
              toggle(team.id, !open);
              focus(team.id);
            }}
          >
            {hasChildren ? (open ? '▾' : '▸') : ''}
          </span>
          <span id={labelId} className="setup-tree__name">
            {team.name}
          </span>{' '}
          <span id={infoId} className="setup-tree__info">
            <span className="tier">{team.tier}</span>{' '}
            {team.active ? null : <span className="setup-badge">Inactive</span>}{' '}
            <span className="setup-tree__count">
              {team.memberCount}
              <span className="setup-visually-hidden">
                {team.memberCount === 1 ? ' member' : ' members'}
              </span>
            </span>
          </span>
        </div>
      </li>
    );
    if (!open) return [item];
    return [
      item,
      ...node.children.flatMap((child, i) => renderNode(child, i + 1, node.children.length)),
    ];
  }

  return (
    <ul role="tree" aria-label={label} className="setup-tree">
      {roots.flatMap((node, i) => renderNode(node, i + 1, roots.length))}
    </ul>
  );
}
